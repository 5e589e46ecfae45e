// The timeline between two actors: every piece of evidence linking them, in
// either direction, by date (undated evidence last), then by document and
// position in the document.
// param: actor = "North Korea"  -- name or id of one actor
// param: other = "Russia"  -- name or id of the other actor
MATCH (a:Actor)<-[:SOURCE]-(e:Evidence)-[:TARGET]->(b:Actor)
WHERE ((a.name = $actor OR a.id = $actor) AND (b.name = $other OR b.id = $other))
   OR ((a.name = $other OR a.id = $other) AND (b.name = $actor OR b.id = $actor))
MATCH (e)-[:IN]->(d:Document)
RETURN e.date AS date, a.name AS source, e.relation AS relation, b.name AS target,
       e.negated AS negated, e.hedged AS hedged, e.sentence AS sentence, d.id AS document
ORDER BY date, document, e.start, relation, source
