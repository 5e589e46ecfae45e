// The evidence for an edge: the sentences behind source -[relation]-> target,
// with their documents, negation and hedging. A symmetric relation (ALLY,
// AGREE, MEET, COOPERATE) is stored one way round; its evidence is found
// whichever way round the two actors are given.
// param: source = "North Korea"  -- name or id of the acting actor
// param: relation = "SUPPLY_ARMS"  -- a relation of the vocabulary
// param: target = "Russia"  -- name or id of the receiving actor
MATCH (a:Actor)-[r]->(b:Actor)
WHERE type(r) = $relation
  AND (((a.name = $source OR a.id = $source) AND (b.name = $target OR b.id = $target))
    OR (r.symmetric AND (a.name = $target OR a.id = $target)
        AND (b.name = $source OR b.id = $source)))
MATCH (a)<-[:SOURCE]-(e:Evidence {relation: $relation})-[:TARGET]->(b)
MATCH (e)-[:IN]->(d:Document)
RETURN a.name AS source, e.relation AS relation, b.name AS target, d.id AS document,
       e.date AS date, e.sentence AS sentence, e.predicate AS predicate,
       e.negated AS negated, e.hedged AS hedged, e.attributed_to AS attributed_to,
       e.confidence AS confidence
ORDER BY document, e.start, predicate
