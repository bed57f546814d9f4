-- ReputationEngine: who dispatches each mention-log partition (see sql/postgres/005-partition-lease.sql).
-- With SQLite there is one silo and one partition; the lease keeps the code path the same.
CREATE TABLE IF NOT EXISTS partition_lease
(
    partition  TEXT    NOT NULL PRIMARY KEY,
    owner      TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);
