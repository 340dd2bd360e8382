-- importers: which entry (or asset) each imported source item became, so re-runs update instead of duplicating
CREATE TABLE import_map (
    project_id       TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    source           TEXT NOT NULL,
    source_id        TEXT NOT NULL,
    collection_id    TEXT,
    target_id        TEXT NOT NULL,
    source_modified  TEXT,
    fingerprint      TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    PRIMARY KEY (project_id, source, source_id)
);
-- importers: the per-item log of each import job (one row per source item per job)
CREATE TABLE import_log (
    job_id         TEXT NOT NULL,
    source_id      TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    collection_id  TEXT,
    entry_id       TEXT,
    action         TEXT NOT NULL,
    at             TEXT NOT NULL,
    error          TEXT,
    PRIMARY KEY (job_id, source_id)
);
CREATE INDEX import_log_seq ON import_log (job_id, seq);
-- importers: when each live source was last read completely (the next run asks only for what changed since)
CREATE TABLE import_sources (
    project_id   TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    source       TEXT NOT NULL,
    synced_to    TEXT NOT NULL,
    PRIMARY KEY (project_id, source)
);
