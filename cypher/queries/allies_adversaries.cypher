// Allies and adversaries of an actor: every actor it has asserted event
// relations with (either direction), scored by the polarity of those
// relations. cooperative and hostile add up the asserted reports of the
// relations of each polarity; stance is "ally" when cooperative reports
// outnumber hostile ones, "adversary" when hostile ones do, else "mixed".
// param: actor = "North Korea"  -- name or id of the actor
// param: limit = 50  -- most partners to list
MATCH (a:Actor)-[r]-(b:Actor)
WHERE (a.name = $actor OR a.id = $actor) AND r.polarity <> 0 AND r.count > 0 AND a <> b
WITH b,
     toInteger(sum(CASE WHEN r.polarity > 0 THEN r.count ELSE 0 END)) AS cooperative,
     toInteger(sum(CASE WHEN r.polarity < 0 THEN r.count ELSE 0 END)) AS hostile,
     collect(DISTINCT type(r)) AS relations
RETURN b.name AS partner, b.id AS id,
       CASE WHEN cooperative > hostile THEN 'ally'
            WHEN hostile > cooperative THEN 'adversary'
            ELSE 'mixed' END AS stance,
       cooperative, hostile, relations
ORDER BY stance, cooperative + hostile DESC, partner
LIMIT $limit
