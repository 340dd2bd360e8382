-- events: outbound webhooks and their deliveries, inbound hooks, publishes
CREATE TABLE webhooks (
    id                 TEXT PRIMARY KEY,
    project_id         TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    url                TEXT NOT NULL,
    events             TEXT NOT NULL, -- JSON array of event names or patterns (entry.*)
    collections        TEXT,          -- JSON array of collection ids; NULL: every collection
    description        TEXT,
    secret             TEXT NOT NULL, -- sealed with the instance secret key
    status             TEXT NOT NULL, -- active | disabled
    status_reason      TEXT,
    status_changed_at  TEXT,
    cursor             INTEGER NOT NULL,           -- last change seq turned into deliveries
    next_position      INTEGER NOT NULL DEFAULT 0, -- order of deliveries within this endpoint
    retry_at           TEXT,                       -- when the oldest pending delivery is due; NULL: none
    lease_owner        TEXT,                       -- the node delivering to this endpoint now
    lease_until        TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX webhooks_by_project ON webhooks (project_id, created_at);
CREATE INDEX webhooks_by_status ON webhooks (status, retry_at);

CREATE TABLE webhook_deliveries (
    id                TEXT PRIMARY KEY,
    webhook_id        TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    project_id        TEXT NOT NULL,
    position          INTEGER NOT NULL,
    seq               INTEGER,
    event             TEXT NOT NULL,
    payload           TEXT NOT NULL,
    status            TEXT NOT NULL, -- pending | delivered | failed
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   TEXT NOT NULL,
    first_attempt_at  TEXT,
    last_attempt_at   TEXT,
    response_status   INTEGER,
    response_body     TEXT,
    duration_ms       INTEGER,
    error             TEXT,
    resent_from       TEXT,
    created_at        TEXT NOT NULL,
    UNIQUE (webhook_id, position)
);
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries (webhook_id, status, position);
CREATE INDEX webhook_deliveries_by_seq ON webhook_deliveries (project_id, seq);
CREATE INDEX webhook_deliveries_by_age ON webhook_deliveries (created_at);

CREATE TABLE inbound_hooks (
    id             TEXT PRIMARY KEY,
    project_id     TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    collection_id  TEXT NOT NULL,
    upsert_key     TEXT NOT NULL,
    mapping        TEXT NOT NULL, -- JSON object: target → pointer, template or constant
    scheme         TEXT NOT NULL, -- vellum | stripe
    secret         TEXT NOT NULL, -- sealed with the instance secret key
    description    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX inbound_hooks_by_project ON inbound_hooks (project_id, created_at);

CREATE TABLE inbound_receipts (
    hook_id      TEXT NOT NULL REFERENCES inbound_hooks (id) ON DELETE CASCADE,
    event_id     TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    PRIMARY KEY (hook_id, event_id)
);
CREATE INDEX inbound_receipts_by_age ON inbound_receipts (received_at);

CREATE TABLE inbound_log (
    id            TEXT PRIMARY KEY,
    hook_id       TEXT NOT NULL REFERENCES inbound_hooks (id) ON DELETE CASCADE,
    received_at   TEXT NOT NULL,
    event_id      TEXT,
    status        INTEGER NOT NULL,
    outcome       TEXT NOT NULL, -- created | updated | unchanged | duplicate | rejected
    code          TEXT,
    detail        TEXT,
    entry_id      TEXT,
    duration_ms   INTEGER,
    body_excerpt  TEXT
);
CREATE INDEX inbound_log_by_hook ON inbound_log (hook_id, id);
CREATE INDEX inbound_log_by_age ON inbound_log (received_at);

CREATE TABLE publishes (
    id                 TEXT PRIMARY KEY,
    project_id         TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    status             TEXT NOT NULL, -- pending | fired
    requests           INTEGER NOT NULL,
    scheduled          INTEGER NOT NULL, -- requests made by scheduled publishing
    requested_at       TEXT NOT NULL,
    last_requested_at  TEXT NOT NULL,
    fire_at            TEXT NOT NULL,
    deadline           TEXT NOT NULL,
    seq                INTEGER,
    fired_at           TEXT
);
CREATE UNIQUE INDEX publishes_one_pending ON publishes (project_id) WHERE status = 'pending';
CREATE INDEX publishes_due ON publishes (status, fire_at);
CREATE INDEX publishes_by_project ON publishes (project_id, id);
