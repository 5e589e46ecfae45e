// Relationships and reports by relation type: how many actor-to-actor
// relationships of each type are stored, their asserted reports and denials.
MATCH (:Actor)-[r]->(:Actor)
RETURN type(r) AS relation, count(r) AS relationships, toInteger(sum(r.count)) AS reports,
       toInteger(sum(r.negated_count)) AS denied
ORDER BY relation
