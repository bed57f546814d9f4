-- ReputationEngine: who dispatches each mention-log partition. A silo holds the lease of its own partition and
-- renews it; when a lease has expired and its partition still has work beyond its checkpoint, a surviving silo
-- takes the lease, replays that work under the partition's name (so grain watermarks still dedupe) and
-- releases it. A restarted silo waits for its own lease before it dispatches, so one partition never has two
-- dispatchers. Times are Unix milliseconds.
CREATE TABLE IF NOT EXISTS partition_lease
(
    partition  text   NOT NULL PRIMARY KEY,
    owner      text   NOT NULL,
    expires_at bigint NOT NULL
);
