-- sync: Directus connections, per-item sync state (the merge base), runs and conflicts
CREATE TABLE sync_connections (
    id                 TEXT PRIMARY KEY,
    project_id         TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    collection         TEXT NOT NULL,
    url                TEXT NOT NULL,
    token              TEXT NOT NULL, -- sealed with the instance secret key; never returned
    remote_collection  TEXT NOT NULL,
    id_field           TEXT NOT NULL,
    slug_field         TEXT,
    mapping            TEXT NOT NULL, -- JSON array of {field, remote, format, ignore}
    remote_fields      TEXT NOT NULL, -- JSON: Directus' description of its fields when (re)configured
    options            TEXT NOT NULL, -- JSON object
    pull_marker        TEXT,          -- highest Directus date_updated/date_created seen
    push_seq           INTEGER NOT NULL DEFAULT 0, -- change-log position pushes have read through
    hook_key           TEXT NOT NULL, -- secret part of the URL a Directus Flow calls
    lease_owner        TEXT,          -- the run that holds the connection now
    lease_until        TEXT,
    next_run_at        TEXT,          -- when a scheduled sync is due
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (project_id, collection)
);

CREATE TABLE sync_items (
    connection_id   TEXT NOT NULL REFERENCES sync_connections (id) ON DELETE CASCADE,
    entry_id        TEXT NOT NULL,
    remote_id       TEXT NOT NULL,
    slug            TEXT,
    remote_marker   TEXT,          -- Directus date_updated at the last sync, or a content hash
    vellum_version  INTEGER NOT NULL,
    base            TEXT NOT NULL, -- JSON: the mapped values both sides had at the last sync
    synced_at       TEXT NOT NULL,
    PRIMARY KEY (connection_id, entry_id)
);
CREATE UNIQUE INDEX sync_items_by_remote ON sync_items (connection_id, remote_id);

CREATE TABLE sync_runs (
    id             TEXT PRIMARY KEY,
    connection_id  TEXT NOT NULL REFERENCES sync_connections (id) ON DELETE CASCADE,
    direction      TEXT NOT NULL, -- pull | push
    dry_run        INTEGER NOT NULL,
    trigger        TEXT NOT NULL, -- api | cli | schedule | hook | live
    status         TEXT NOT NULL, -- running | done | failed
    report         TEXT,          -- JSON
    error          TEXT,
    started_at     TEXT NOT NULL,
    finished_at    TEXT
);
CREATE INDEX sync_runs_by_connection ON sync_runs (connection_id, started_at);

CREATE TABLE sync_conflicts (
    id             TEXT PRIMARY KEY,
    connection_id  TEXT NOT NULL REFERENCES sync_connections (id) ON DELETE CASCADE,
    entry_id       TEXT NOT NULL,
    remote_id      TEXT NOT NULL,
    slug           TEXT,
    fields         TEXT NOT NULL, -- JSON array of the conflicting fields
    base           TEXT NOT NULL, -- JSON: values at the last sync
    vellum         TEXT NOT NULL, -- JSON: Vellum's values when the conflict was found
    directus       TEXT NOT NULL, -- JSON: Directus' values then
    status         TEXT NOT NULL, -- open | resolved
    resolution     TEXT,          -- vellum | directus
    created_at     TEXT NOT NULL,
    resolved_at    TEXT
);
CREATE INDEX sync_conflicts_by_connection ON sync_conflicts (connection_id, status, created_at);
