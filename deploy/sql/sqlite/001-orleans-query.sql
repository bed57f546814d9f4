-- ReputationEngine: the query table the Orleans ADO.NET providers read their statements from at start.
-- Idempotent: safe to run on every start.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
