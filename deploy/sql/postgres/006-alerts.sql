-- ReputationEngine: alerts as recorded by the topic grains' alert ledger (same contract as
-- sql/sqlite/004-alerts.sql). One row per alert, replaced by newer versions; the payload is the alert JSON.
CREATE TABLE IF NOT EXISTS alerts
(
    alert_id   text    NOT NULL PRIMARY KEY,
    topic_id   text    NOT NULL,
    kind       text    NOT NULL,
    state      text    NOT NULL,
    severity   integer NOT NULL,
    updated_at bigint  NOT NULL,
    version    bigint  NOT NULL,
    payload    bytea   NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_alerts_state_updated ON alerts (state, updated_at);
CREATE INDEX IF NOT EXISTS ix_alerts_topic_updated ON alerts (topic_id, updated_at);
