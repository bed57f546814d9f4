-- ReputationEngine: the topics' customer and case lists (same contract as sql/sqlite/007-topic-lists.sql):
-- one row per entry so that a flush writes only the entries that changed.
CREATE TABLE IF NOT EXISTS topic_list_entry
(
    list_name text  NOT NULL,
    topic     text  NOT NULL,
    entry_id  text  NOT NULL,
    payload   bytea NOT NULL,
    PRIMARY KEY (list_name, topic, entry_id)
);
