// Paths between two actors: chains of asserted event relations (either
// direction, up to three hops, no actor twice), shortest first.
// param: source = "Iran"  -- name or id of the first actor
// param: target = "Ukraine"  -- name or id of the last actor
// param: limit = 25  -- most paths to list
MATCH p = (a:Actor)-[:ALLY|AGREE|MEET|SUPPORT|COOPERATE|SUPPLY_ARMS|AID|DEPLOY_TO|REQUEST|CRITICIZE|REJECT|THREATEN|SANCTION|MOBILIZE|ATTACK*1..3]-(b:Actor)
WHERE (a.name = $source OR a.id = $source) AND (b.name = $target OR b.id = $target)
  AND all(r IN relationships(p) WHERE r.count > 0)
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
RETURN [n IN nodes(p) | n.name] AS actors, [r IN relationships(p) | type(r)] AS relations,
       length(p) AS hops
ORDER BY hops, actors, relations
LIMIT $limit
