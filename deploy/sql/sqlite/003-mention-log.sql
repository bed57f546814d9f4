-- ReputationEngine: the mention log. A mention is written here (in a batched transaction) before ingest
-- answers 202; the unique mention id makes duplicates, also across restarts, visible at insert time.
-- Rows stay until the grains that applied them have flushed their state (ingest_checkpoint), so a
-- restarted engine replays exactly the work it had accepted but not yet made durable in the grains.
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
CREATE INDEX IF NOT EXISTS ix_mention_log_author ON mention_log (author_id);

-- The highest sequence of each partition whose effects are durable in grain state.
CREATE TABLE IF NOT EXISTS ingest_checkpoint
(
    partition   TEXT    NOT NULL PRIMARY KEY,
    applied_seq INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
