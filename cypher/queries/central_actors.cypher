// The most central actors: by the number of other actors they have asserted
// relations with (degree, either direction), then by the number of asserted
// reports behind those relations.
// param: limit = 10  -- most actors to list
MATCH (a:Actor)-[r]-(b:Actor)
WHERE r.count > 0 AND a <> b
RETURN a.name AS actor, a.kind AS kind, count(DISTINCT b) AS partners,
       count(r) AS relations, toInteger(sum(r.count)) AS reports
ORDER BY partners DESC, reports DESC, actor
LIMIT $limit
