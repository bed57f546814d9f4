-- ReputationEngine: the query table the Orleans ADO.NET providers read their statements from at start.
-- Idempotent: safe to run on every start (the server holds an advisory lock while it applies the scripts).
CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);
