// The strongest relations: actor-to-actor relationships by the number of
// asserted reports, then by the number of documents behind them.
// param: min_reports = 1  -- least number of asserted reports
// param: limit = 20  -- most relationships to list
MATCH (a:Actor)-[r]->(b:Actor)
WHERE r.count >= $min_reports
RETURN a.name AS source, type(r) AS relation, b.name AS target, r.count AS reports,
       r.sources AS documents, r.polarity AS polarity, r.weight AS weight
ORDER BY reports DESC, documents DESC, source, relation, target
LIMIT $limit
