// Indexes and constraints of the graphkit model (Neo4j 5 syntax).
// `graphkit load` applies them before every load; each is idempotent.
// A statement the server does not support is skipped with a notice. Where a
// server refuses a uniqueness constraint or a named index (FalkorDB), the
// loader creates the plain index `CREATE INDEX FOR (n:Label) ON (n.property)`
// instead, so MERGE by id stays an index lookup.

CREATE CONSTRAINT graphkit_actor_id IF NOT EXISTS
FOR (a:Actor) REQUIRE a.id IS UNIQUE;

CREATE CONSTRAINT graphkit_document_id IF NOT EXISTS
FOR (d:Document) REQUIRE d.id IS UNIQUE;

CREATE CONSTRAINT graphkit_evidence_id IF NOT EXISTS
FOR (e:Evidence) REQUIRE e.id IS UNIQUE;

// actors are looked up by name in the query library
CREATE INDEX graphkit_actor_name IF NOT EXISTS
FOR (a:Actor) ON (a.name);

// the evidence behind a relation type, and timelines
CREATE INDEX graphkit_evidence_relation IF NOT EXISTS
FOR (e:Evidence) ON (e.relation);

CREATE INDEX graphkit_document_date IF NOT EXISTS
FOR (d:Document) ON (d.date);

// the evidence behind one relationship (its key, see graphkit.store.edge_key):
// the loader recounts a relationship's evidence through it
CREATE INDEX graphkit_evidence_edge IF NOT EXISTS
FOR (e:Evidence) ON (e.edge);
