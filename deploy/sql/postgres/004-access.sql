-- ReputationEngine: API keys (DESIGN §4.6). Only an HMAC-SHA256 of each key is stored, keyed with the
-- server secret below; the key's public id (its prefix) is the primary key, so a lookup is one row.
CREATE TABLE IF NOT EXISTS server_secret
(
    name       TEXT   NOT NULL PRIMARY KEY,
    value      BYTEA  NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS api_key
(
    id              TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    scopes          TEXT    NOT NULL,
    rate_per_second INTEGER NOT NULL,
    hash            BYTEA   NOT NULL,
    created_at      BIGINT  NOT NULL
);
