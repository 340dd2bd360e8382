-- initial schema: projects, tokens, collections, change log, idempotency keys
CREATE TABLE projects (
    id          text COLLATE "C" PRIMARY KEY,
    name        text NOT NULL,
    created_at  text COLLATE "C" NOT NULL,
    change_seq  bigint NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
    id                    text COLLATE "C" PRIMARY KEY,
    project_id            text COLLATE "C" REFERENCES projects (id) ON DELETE CASCADE,
    name                  text NOT NULL,
    scope                 text NOT NULL,
    secret_hash           text NOT NULL UNIQUE,
    previous_hash         text UNIQUE,
    previous_valid_until  text COLLATE "C",
    expires_at            text COLLATE "C",
    created_at            text COLLATE "C" NOT NULL,
    last_used_at          text COLLATE "C",
    revoked_at            text COLLATE "C"
);
CREATE INDEX tokens_by_project ON tokens (project_id, created_at);

CREATE TABLE collections (
    pk          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    id          text COLLATE "C" NOT NULL,
    definition  text NOT NULL,
    version     bigint NOT NULL,
    created_at  text COLLATE "C" NOT NULL,
    updated_at  text COLLATE "C" NOT NULL,
    UNIQUE (project_id, id)
);

CREATE TABLE changes (
    project_id     text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    seq            bigint NOT NULL,
    kind           text NOT NULL,
    collection_id  text COLLATE "C",
    entry_id       text COLLATE "C",
    version        bigint,
    draft          boolean NOT NULL DEFAULT false,
    token_id       text,
    created_at     text COLLATE "C" NOT NULL,
    data           text NOT NULL,
    PRIMARY KEY (project_id, seq)
);

CREATE TABLE idempotency_keys (
    project_id    text COLLATE "C" NOT NULL,
    token_id      text COLLATE "C" NOT NULL,
    key           text COLLATE "C" NOT NULL,
    request_hash  text NOT NULL,
    status        integer NOT NULL,
    response      text NOT NULL,
    created_at    text COLLATE "C" NOT NULL,
    PRIMARY KEY (project_id, token_id, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
