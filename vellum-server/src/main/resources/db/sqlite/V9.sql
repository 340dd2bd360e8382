-- V9: delivery API (issue 14): per-project CORS and caching settings; preview tokens and stream tickets.
CREATE TABLE project_delivery (
    project_id              TEXT PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    cors_origins            TEXT NOT NULL DEFAULT '[]',
    cors_allow_credentials  INTEGER NOT NULL DEFAULT 0,
    read_cache_control      TEXT
);

-- Short-lived secrets minted with a token: 'preview' (reads drafts within a scope) or 'stream' (opens the change stream).
-- Only a hash is kept; a ticket dies with the token that minted it.
CREATE TABLE access_tickets (
    id             TEXT PRIMARY KEY,
    secret_hash    TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL,
    project_id     TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    token_id       TEXT NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    scope          TEXT NOT NULL,
    collection_id  TEXT,
    entry_id       TEXT,
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL
);
CREATE INDEX access_tickets_expiry ON access_tickets (expires_at);
