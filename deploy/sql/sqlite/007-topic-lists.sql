-- ReputationEngine: the topics' customer and case lists (TopicListStore), one row per entry so that a flush writes
-- only the entries that changed. payload = the entry's summary in Orleans binary.
CREATE TABLE IF NOT EXISTS topic_list_entry
(
    list_name TEXT NOT NULL,
    topic     TEXT NOT NULL,
    entry_id  TEXT NOT NULL,
    payload   BLOB NOT NULL,
    PRIMARY KEY (list_name, topic, entry_id)
) WITHOUT ROWID;
