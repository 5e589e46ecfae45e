// Blocs: groups of actors joined by asserted cooperative relations (ALLY,
// AGREE, COOPERATE, SUPPLY_ARMS, AID, DEPLOY_TO) in either direction, up to
// four hops apart. Each bloc is named by the smallest actor id among its
// members; an actor in no cooperative relation is in no bloc. The reach is
// grown one hop at a time (not as variable-length paths), so the query stays
// fast on dense graphs.
// param: min_members = 2  -- smallest bloc to list
MATCH (a:Actor)
OPTIONAL MATCH (a)-[r:ALLY|AGREE|COOPERATE|SUPPLY_ARMS|AID|DEPLOY_TO]-(b:Actor)
WHERE r.count > 0
WITH a, collect(DISTINCT b) AS near
WHERE size(near) > 0
UNWIND near + [a] AS x
OPTIONAL MATCH (x)-[r:ALLY|AGREE|COOPERATE|SUPPLY_ARMS|AID|DEPLOY_TO]-(y:Actor)
WHERE r.count > 0
WITH a, collect(DISTINCT y) AS reached
UNWIND reached AS x
OPTIONAL MATCH (x)-[r:ALLY|AGREE|COOPERATE|SUPPLY_ARMS|AID|DEPLOY_TO]-(y:Actor)
WHERE r.count > 0
WITH a, collect(DISTINCT y) AS reached
UNWIND reached AS x
OPTIONAL MATCH (x)-[r:ALLY|AGREE|COOPERATE|SUPPLY_ARMS|AID|DEPLOY_TO]-(y:Actor)
WHERE r.count > 0
WITH a, collect(DISTINCT y.id) AS reached
WITH a, reduce(least = a.id, id IN reached | CASE WHEN id < least THEN id ELSE least END) AS bloc
WITH bloc, collect(a.name) AS members, count(a) AS actors
WHERE actors >= $min_members
RETURN bloc, actors, members
ORDER BY actors DESC, bloc
