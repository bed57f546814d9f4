-- ReputationEngine: grain state for Microsoft.Orleans.Persistence.AdoNet on PostgreSQL (invariant "Npgsql").
-- Written for this project from the provider's query contract:
--   parameters  @GrainIdHash @GrainIdN0 @GrainIdN1 @GrainTypeHash @GrainTypeString @GrainIdExtensionString
--               @ServiceId @GrainStateVersion @PayloadBinary (sent untyped, so every use is cast)
--   results     ReadFromStorageKey: PayloadBinary, Version
--               WriteToStorageKey:  NewGrainStateVersion (no row when the expected version does not match)
--               ClearStorageKey / DeleteStorageKey: the new version (no row on a version mismatch)
-- The extension string is stored as '' when absent so one plain primary key backs the upsert.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id        varchar(150) NOT NULL,
    grain_type_hash   integer      NOT NULL,
    grain_type        varchar(512) NOT NULL,
    grain_id_hash     integer      NOT NULL,
    grain_id_n0       bigint       NOT NULL,
    grain_id_n1       bigint       NOT NULL,
    grain_id_ext      varchar(512) NOT NULL DEFAULT '',
    payload           bytea        NULL,
    version           integer      NOT NULL,
    modified_on       timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_ext)
);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = CAST(@ServiceId AS varchar) AND grain_type_hash = CAST(@GrainTypeHash AS integer)
  AND grain_id_hash = CAST(@GrainIdHash AS integer)
  AND grain_id_n0 = CAST(@GrainIdN0 AS bigint) AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
  AND grain_type = CAST(@GrainTypeString AS varchar)
  AND grain_id_ext = COALESCE(CAST(@GrainIdExtensionString AS varchar), '');
$q$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Inserts the first version, or replaces the state when the caller holds the current version; a stale or
-- missing expected version changes nothing and returns no row (Orleans raises an etag conflict).
INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', $q$
INSERT INTO orleans_grain_state AS s (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1,
                                      grain_id_ext, payload, version, modified_on)
VALUES (CAST(@ServiceId AS varchar), CAST(@GrainTypeHash AS integer), CAST(@GrainTypeString AS varchar),
        CAST(@GrainIdHash AS integer), CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
        COALESCE(CAST(@GrainIdExtensionString AS varchar), ''), CAST(@PayloadBinary AS bytea), 1, now())
ON CONFLICT (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_ext)
DO UPDATE SET payload = excluded.payload, version = s.version + 1, modified_on = excluded.modified_on
WHERE s.version = CAST(@GrainStateVersion AS integer)
RETURNING version AS "NewGrainStateVersion";
$q$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', $q$
UPDATE orleans_grain_state
SET payload = NULL, version = version + 1, modified_on = now()
WHERE service_id = CAST(@ServiceId AS varchar) AND grain_type_hash = CAST(@GrainTypeHash AS integer)
  AND grain_id_hash = CAST(@GrainIdHash AS integer)
  AND grain_id_n0 = CAST(@GrainIdN0 AS bigint) AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
  AND grain_type = CAST(@GrainTypeString AS varchar)
  AND grain_id_ext = COALESCE(CAST(@GrainIdExtensionString AS varchar), '')
  AND version = CAST(@GrainStateVersion AS integer)
RETURNING version AS "NewGrainStateVersion";
$q$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
WHERE service_id = CAST(@ServiceId AS varchar) AND grain_type_hash = CAST(@GrainTypeHash AS integer)
  AND grain_id_hash = CAST(@GrainIdHash AS integer)
  AND grain_id_n0 = CAST(@GrainIdN0 AS bigint) AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
  AND grain_type = CAST(@GrainTypeString AS varchar)
  AND grain_id_ext = COALESCE(CAST(@GrainIdExtensionString AS varchar), '')
  AND version = CAST(@GrainStateVersion AS integer)
RETURNING version + 1 AS "NewGrainStateVersion";
$q$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
