-- ReputationEngine: the mention log. A mention is written here (in a batched transaction) before ingest
-- answers 202; the unique mention id makes duplicates, also across restarts, visible at insert time.
-- Rows stay until the grains that applied them have flushed their state (ingest_checkpoint), so a
-- restarted engine replays exactly the work it had accepted but not yet made durable in the grains.
-- On SQLite the log is a file of its own (reputation-mentions.db beside reputation.db): SQLite has one writer per
-- file, so appending to the log never waits for grain-state or alert writes, nor they for it.
CREATE TABLE IF NOT EXISTS mention_log
(
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    mention_id  TEXT    NOT NULL UNIQUE,
    partition   TEXT    NOT NULL,
    author_id   TEXT    NOT NULL,
    received_at INTEGER NOT NULL,
    payload     BLOB    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_mention_log_partition_seq ON mention_log (partition, seq);
-- No index on author_id here (PostgreSQL has one): its random insert per mention cost SQLite's single log writer as much
-- as the rest of the row. The rare privacy erasure scans the log instead (the log keeps Storage__LogRetention, 7 days).
DROP INDEX IF EXISTS ix_mention_log_author;

-- The highest sequence of each partition whose effects are durable in grain state.
CREATE TABLE IF NOT EXISTS ingest_checkpoint
(
    partition   TEXT    NOT NULL PRIMARY KEY,
    applied_seq INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
