-- importers: which entry (or asset) each imported source item became, so re-runs update instead of duplicating
CREATE TABLE import_map (
    project_id       text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    source           text COLLATE "C" NOT NULL,
    source_id        text COLLATE "C" NOT NULL,
    collection_id    text COLLATE "C",
    target_id        text COLLATE "C" NOT NULL,
    source_modified  text COLLATE "C",
    fingerprint      text NOT NULL,
    imported_at      text COLLATE "C" NOT NULL,
    PRIMARY KEY (project_id, source, source_id)
);
-- importers: the per-item log of each import job (one row per source item per job)
CREATE TABLE import_log (
    job_id         text COLLATE "C" NOT NULL,
    source_id      text COLLATE "C" NOT NULL,
    seq            bigint NOT NULL,
    collection_id  text COLLATE "C",
    entry_id       text COLLATE "C",
    action         text NOT NULL,
    at             text COLLATE "C" NOT NULL,
    error          text,
    PRIMARY KEY (job_id, source_id)
);
CREATE INDEX import_log_seq ON import_log (job_id, seq);
-- importers: when each live source was last read completely (the next run asks only for what changed since)
CREATE TABLE import_sources (
    project_id   text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    source       text COLLATE "C" NOT NULL,
    synced_to    text COLLATE "C" NOT NULL,
    PRIMARY KEY (project_id, source)
);
