-- ReputationEngine: the mention log (same contract as sql/sqlite/003-mention-log.sql). A mention is written
-- here before ingest answers 202; the unique mention id rejects duplicates for as long as the row is kept
-- (the retention is the dedupe horizon). Each silo appends to its own partition; rows stay until the grains
-- that applied them have flushed (ingest_checkpoint), so unfinished work can be replayed after a crash.
CREATE TABLE IF NOT EXISTS mention_log
(
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mention_id  text   NOT NULL UNIQUE,
    partition   text   NOT NULL,
    author_id   text   NOT NULL,
    received_at bigint NOT NULL,
    payload     bytea  NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_mention_log_partition_seq ON mention_log (partition, seq);
CREATE INDEX IF NOT EXISTS ix_mention_log_author ON mention_log (author_id);
CREATE INDEX IF NOT EXISTS ix_mention_log_received ON mention_log (received_at);

-- The highest sequence of each partition whose effects are durable in grain state.
CREATE TABLE IF NOT EXISTS ingest_checkpoint
(
    partition   text   NOT NULL PRIMARY KEY,
    applied_seq bigint NOT NULL,
    updated_at  bigint NOT NULL
);
