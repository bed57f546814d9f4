-- ReputationEngine: alerts as recorded by the topic grains' alert ledger. One row per alert, replaced by
-- newer versions; the payload is the alert JSON of DESIGN §4.4.
CREATE TABLE IF NOT EXISTS alerts
(
    alert_id   TEXT    NOT NULL PRIMARY KEY,
    topic_id   TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    state      TEXT    NOT NULL,
    severity   INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    payload    BLOB    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_alerts_state_updated ON alerts (state, updated_at);
CREATE INDEX IF NOT EXISTS ix_alerts_topic_updated ON alerts (topic_id, updated_at);
