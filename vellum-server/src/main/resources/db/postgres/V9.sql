-- V9: delivery API (issue 14): per-project CORS and caching settings; preview tokens and stream tickets.
CREATE TABLE project_delivery (
    project_id              text COLLATE "C" PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    cors_origins            text NOT NULL DEFAULT '[]',
    cors_allow_credentials  boolean NOT NULL DEFAULT false,
    read_cache_control      text
);

-- Short-lived secrets minted with a token: 'preview' (reads drafts within a scope) or 'stream' (opens the change stream).
-- Only a hash is kept; a ticket dies with the token that minted it.
CREATE TABLE access_tickets (
    id             text COLLATE "C" PRIMARY KEY,
    secret_hash    text NOT NULL UNIQUE,
    kind           text NOT NULL,
    project_id     text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    token_id       text COLLATE "C" NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    scope          text NOT NULL,
    collection_id  text COLLATE "C",
    entry_id       text COLLATE "C",
    created_at     text COLLATE "C" NOT NULL,
    expires_at     text COLLATE "C" NOT NULL
);
CREATE INDEX access_tickets_expiry ON access_tickets (expires_at);
