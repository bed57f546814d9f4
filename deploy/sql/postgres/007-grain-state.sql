-- ReputationEngine: grain state written by the engine's group-commit grain storage (same contract as
-- sql/sqlite/006-grain-state.sql): one row per grain and state name, an integer version as the Orleans ETag.
CREATE TABLE IF NOT EXISTS grain_state
(
    state_name text   NOT NULL,
    grain_id   text   NOT NULL,
    version    bigint NOT NULL,
    payload    bytea  NOT NULL,
    updated_at bigint NOT NULL,
    PRIMARY KEY (state_name, grain_id)
);
