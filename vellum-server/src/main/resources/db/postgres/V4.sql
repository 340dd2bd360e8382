-- jobs: long-running work (imports, sync runs), stored, leased by one node at a time, resumable
CREATE TABLE jobs (
    id                text COLLATE "C" PRIMARY KEY,
    project_id        text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind              text COLLATE "C" NOT NULL,
    status            text NOT NULL,             -- queued | running | done | failed | cancelled
    params            text NOT NULL,             -- JSON, as submitted
    secrets           text,                      -- JSON sealed with the instance secret key; NULL: none
    progress          text,                      -- JSON, the handler's last report
    checkpoint        text,                      -- JSON, where a resumed run starts
    result            text,                      -- JSON, what a finished run returned
    error             text,
    attempts          integer NOT NULL DEFAULT 0,
    cancel_requested  boolean NOT NULL DEFAULT false,
    lease_owner       text,
    lease_until       text COLLATE "C",
    created_at        text COLLATE "C" NOT NULL,
    started_at        text COLLATE "C",
    finished_at       text COLLATE "C",
    updated_at        text COLLATE "C" NOT NULL
);
CREATE INDEX jobs_due ON jobs (status, lease_until);
CREATE INDEX jobs_by_project ON jobs (project_id, kind, id);
