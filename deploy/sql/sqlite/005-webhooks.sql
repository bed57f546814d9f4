-- ReputationEngine: webhook subscriptions, their durable delivery outbox, per-topic escalation policies and
-- the escalation schedule. Outbox and schedule rows are written in the transaction that records the alert
-- change (AlertStore), so a recorded change is never without its deliveries.
CREATE TABLE IF NOT EXISTS webhooks
(
    webhook_id   TEXT    NOT NULL PRIMARY KEY,
    url          TEXT    NOT NULL,
    secret       TEXT    NOT NULL,
    topics       TEXT    NOT NULL,
    min_severity INTEGER NOT NULL,
    events       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS webhook_deliveries
(
    delivery_id     TEXT    NOT NULL PRIMARY KEY,
    webhook_id      TEXT    NOT NULL,
    alert_id        TEXT    NOT NULL,
    event           TEXT    NOT NULL,
    payload         BLOB    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    enqueued_at     INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER NOT NULL,
    first_attempt_at INTEGER,
    completed_at    INTEGER,
    last_error      TEXT
);

CREATE INDEX IF NOT EXISTS ix_webhook_deliveries_due ON webhook_deliveries (state, webhook_id, next_attempt_at);
CREATE INDEX IF NOT EXISTS ix_webhook_deliveries_hook ON webhook_deliveries (webhook_id, state, enqueued_at);

CREATE TABLE IF NOT EXISTS escalation_policies
(
    topic_id   TEXT    NOT NULL PRIMARY KEY,
    levels     TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS alert_escalations
(
    alert_id      TEXT    NOT NULL PRIMARY KEY,
    topic_id      TEXT    NOT NULL,
    next_level    INTEGER NOT NULL,
    due_at        INTEGER NOT NULL,
    claimed_until INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_alert_escalations_due ON alert_escalations (due_at);
