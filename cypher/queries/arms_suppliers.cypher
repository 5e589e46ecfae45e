// Who supplies arms to whom: every SUPPLY_ARMS relationship with at least
// min_reports asserted reports. hedged counts the asserted reports that are
// alleged or speculative; denied counts the evidence that says it did not
// happen; documents is the number of documents behind the relationship.
// param: min_reports = 1  -- least number of asserted reports
MATCH (s:Actor)-[r:SUPPLY_ARMS]->(t:Actor)
WHERE r.count >= $min_reports
RETURN s.name AS supplier, t.name AS recipient, r.count AS reports,
       r.hedged_count AS hedged, r.negated_count AS denied, r.sources AS documents,
       r.first_seen AS first_seen, r.last_seen AS last_seen
ORDER BY reports DESC, supplier, recipient
