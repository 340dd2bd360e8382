-- jobs: long-running work (imports, sync runs), stored, leased by one node at a time, resumable
CREATE TABLE jobs (
    id                TEXT PRIMARY KEY,
    project_id        TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind              TEXT NOT NULL,
    status            TEXT NOT NULL,             -- queued | running | done | failed | cancelled
    params            TEXT NOT NULL,             -- JSON, as submitted
    secrets           TEXT,                      -- JSON sealed with the instance secret key; NULL: none
    progress          TEXT,                      -- JSON, the handler's last report
    checkpoint        TEXT,                      -- JSON, where a resumed run starts
    result            TEXT,                      -- JSON, what a finished run returned
    error             TEXT,
    attempts          INTEGER NOT NULL DEFAULT 0,
    cancel_requested  INTEGER NOT NULL DEFAULT 0,
    lease_owner       TEXT,
    lease_until       TEXT,
    created_at        TEXT NOT NULL,
    started_at        TEXT,
    finished_at       TEXT,
    updated_at        TEXT NOT NULL
);
CREATE INDEX jobs_due ON jobs (status, lease_until);
CREATE INDEX jobs_by_project ON jobs (project_id, kind, id);
