-- sync: Directus connections, per-item sync state (the merge base), runs and conflicts
CREATE TABLE sync_connections (
    id                 text COLLATE "C" PRIMARY KEY,
    project_id         text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    collection         text COLLATE "C" NOT NULL,
    url                text NOT NULL,
    token              text NOT NULL, -- sealed with the instance secret key; never returned
    remote_collection  text NOT NULL,
    id_field           text NOT NULL,
    slug_field         text,
    mapping            text NOT NULL, -- JSON array of {field, remote, format, ignore}
    remote_fields      text NOT NULL, -- JSON: Directus' description of its fields when (re)configured
    options            text NOT NULL, -- JSON object
    pull_marker        text COLLATE "C",          -- highest Directus date_updated/date_created seen
    push_seq           bigint NOT NULL DEFAULT 0, -- change-log position pushes have read through
    hook_key           text COLLATE "C" NOT NULL, -- secret part of the URL a Directus Flow calls
    lease_owner        text,          -- the run that holds the connection now
    lease_until        text COLLATE "C",
    next_run_at        text COLLATE "C",          -- when a scheduled sync is due
    created_at         text COLLATE "C" NOT NULL,
    updated_at         text COLLATE "C" NOT NULL,
    UNIQUE (project_id, collection)
);

CREATE TABLE sync_items (
    connection_id   text COLLATE "C" NOT NULL REFERENCES sync_connections (id) ON DELETE CASCADE,
    entry_id        text COLLATE "C" NOT NULL,
    remote_id       text COLLATE "C" NOT NULL,
    slug            text,
    remote_marker   text COLLATE "C",          -- Directus date_updated at the last sync, or a content hash
    vellum_version  bigint NOT NULL,
    base            text NOT NULL, -- JSON: the mapped values both sides had at the last sync
    synced_at       text COLLATE "C" NOT NULL,
    PRIMARY KEY (connection_id, entry_id)
);
CREATE UNIQUE INDEX sync_items_by_remote ON sync_items (connection_id, remote_id);

CREATE TABLE sync_runs (
    id             text COLLATE "C" PRIMARY KEY,
    connection_id  text COLLATE "C" NOT NULL REFERENCES sync_connections (id) ON DELETE CASCADE,
    direction      text NOT NULL, -- pull | push
    dry_run        boolean NOT NULL,
    trigger        text NOT NULL, -- api | cli | schedule | hook | live
    status         text NOT NULL, -- running | done | failed
    report         text,          -- JSON
    error          text,
    started_at     text COLLATE "C" NOT NULL,
    finished_at    text COLLATE "C"
);
CREATE INDEX sync_runs_by_connection ON sync_runs (connection_id, started_at);

CREATE TABLE sync_conflicts (
    id             text COLLATE "C" PRIMARY KEY,
    connection_id  text COLLATE "C" NOT NULL REFERENCES sync_connections (id) ON DELETE CASCADE,
    entry_id       text COLLATE "C" NOT NULL,
    remote_id      text COLLATE "C" NOT NULL,
    slug           text,
    fields         text NOT NULL, -- JSON array of the conflicting fields
    base           text NOT NULL, -- JSON: values at the last sync
    vellum         text NOT NULL, -- JSON: Vellum's values when the conflict was found
    directus       text NOT NULL, -- JSON: Directus' values then
    status         text NOT NULL, -- open | resolved
    resolution     text,          -- vellum | directus
    created_at     text COLLATE "C" NOT NULL,
    resolved_at    text COLLATE "C"
);
CREATE INDEX sync_conflicts_by_connection ON sync_conflicts (connection_id, status, created_at);
