-- initial schema: projects, tokens, collections, change log, idempotency keys
CREATE TABLE projects (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    change_seq  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
    id                    TEXT PRIMARY KEY,
    project_id            TEXT REFERENCES projects (id) ON DELETE CASCADE, -- NULL: the instance admin token
    name                  TEXT NOT NULL,
    scope                 TEXT NOT NULL,
    secret_hash           TEXT NOT NULL UNIQUE,
    previous_hash         TEXT UNIQUE,
    previous_valid_until  TEXT,
    expires_at            TEXT,
    created_at            TEXT NOT NULL,
    last_used_at          TEXT,
    revoked_at            TEXT
);
CREATE INDEX tokens_by_project ON tokens (project_id, created_at);

CREATE TABLE collections (
    pk          INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    definition  TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (project_id, id)
);

CREATE TABLE changes (
    project_id     TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    collection_id  TEXT,
    entry_id       TEXT,
    version        INTEGER,
    draft          INTEGER NOT NULL DEFAULT 0,
    token_id       TEXT,
    created_at     TEXT NOT NULL,
    data           TEXT NOT NULL,
    PRIMARY KEY (project_id, seq)
);

CREATE TABLE idempotency_keys (
    project_id    TEXT NOT NULL,
    token_id      TEXT NOT NULL,
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    status        INTEGER NOT NULL,
    response      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (project_id, token_id, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
