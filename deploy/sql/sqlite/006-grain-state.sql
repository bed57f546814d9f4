-- ReputationEngine: grain state written by the engine's group-commit grain storage (GroupCommitGrainStorage):
-- one row per grain and state name, an integer version as the Orleans ETag, the state as Orleans binary.
CREATE TABLE IF NOT EXISTS grain_state
(
    state_name TEXT    NOT NULL,
    grain_id   TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    payload    BLOB    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (state_name, grain_id)
) WITHOUT ROWID;
