-- events: outbound webhooks and their deliveries, inbound hooks, publishes
CREATE TABLE webhooks (
    id                 text COLLATE "C" PRIMARY KEY,
    project_id         text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    url                text NOT NULL,
    events             text NOT NULL, -- JSON array of event names or patterns (entry.*)
    collections        text,          -- JSON array of collection ids; NULL: every collection
    description        text,
    secret             text NOT NULL, -- sealed with the instance secret key
    status             text NOT NULL, -- active | disabled
    status_reason      text,
    status_changed_at  text COLLATE "C",
    cursor             bigint NOT NULL,           -- last change seq turned into deliveries
    next_position      bigint NOT NULL DEFAULT 0, -- order of deliveries within this endpoint
    retry_at           text COLLATE "C",                       -- when the oldest pending delivery is due; NULL: none
    lease_owner        text,                       -- the node delivering to this endpoint now
    lease_until        text COLLATE "C",
    created_at         text COLLATE "C" NOT NULL,
    updated_at         text COLLATE "C" NOT NULL
);
CREATE INDEX webhooks_by_project ON webhooks (project_id, created_at);
CREATE INDEX webhooks_by_status ON webhooks (status, retry_at);

CREATE TABLE webhook_deliveries (
    id                text COLLATE "C" PRIMARY KEY,
    webhook_id        text COLLATE "C" NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    project_id        text COLLATE "C" NOT NULL,
    position          bigint NOT NULL,
    seq               bigint,
    event             text NOT NULL,
    payload           text NOT NULL,
    status            text NOT NULL, -- pending | delivered | failed
    attempts          integer NOT NULL DEFAULT 0,
    next_attempt_at   text COLLATE "C" NOT NULL,
    first_attempt_at  text COLLATE "C",
    last_attempt_at   text COLLATE "C",
    response_status   integer,
    response_body     text,
    duration_ms       integer,
    error             text,
    resent_from       text,
    created_at        text COLLATE "C" NOT NULL,
    UNIQUE (webhook_id, position)
);
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries (webhook_id, status, position);
CREATE INDEX webhook_deliveries_by_seq ON webhook_deliveries (project_id, seq);
CREATE INDEX webhook_deliveries_by_age ON webhook_deliveries (created_at);

CREATE TABLE inbound_hooks (
    id             text COLLATE "C" PRIMARY KEY,
    project_id     text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    collection_id  text COLLATE "C" NOT NULL,
    upsert_key     text NOT NULL,
    mapping        text NOT NULL, -- JSON object: target → pointer, template or constant
    scheme         text NOT NULL, -- vellum | stripe
    secret         text NOT NULL, -- sealed with the instance secret key
    description    text,
    created_at     text COLLATE "C" NOT NULL,
    updated_at     text COLLATE "C" NOT NULL
);
CREATE INDEX inbound_hooks_by_project ON inbound_hooks (project_id, created_at);

CREATE TABLE inbound_receipts (
    hook_id      text COLLATE "C" NOT NULL REFERENCES inbound_hooks (id) ON DELETE CASCADE,
    event_id     text COLLATE "C" NOT NULL,
    received_at  text COLLATE "C" NOT NULL,
    PRIMARY KEY (hook_id, event_id)
);
CREATE INDEX inbound_receipts_by_age ON inbound_receipts (received_at);

CREATE TABLE inbound_log (
    id            text COLLATE "C" PRIMARY KEY,
    hook_id       text COLLATE "C" NOT NULL REFERENCES inbound_hooks (id) ON DELETE CASCADE,
    received_at   text COLLATE "C" NOT NULL,
    event_id      text COLLATE "C",
    status        integer NOT NULL,
    outcome       text NOT NULL, -- created | updated | unchanged | duplicate | rejected
    code          text,
    detail        text,
    entry_id      text,
    duration_ms   integer,
    body_excerpt  text
);
CREATE INDEX inbound_log_by_hook ON inbound_log (hook_id, id);
CREATE INDEX inbound_log_by_age ON inbound_log (received_at);

CREATE TABLE publishes (
    id                 text COLLATE "C" PRIMARY KEY,
    project_id         text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    status             text NOT NULL, -- pending | fired
    requests           integer NOT NULL,
    scheduled          integer NOT NULL, -- requests made by scheduled publishing
    requested_at       text COLLATE "C" NOT NULL,
    last_requested_at  text COLLATE "C" NOT NULL,
    fire_at            text COLLATE "C" NOT NULL,
    deadline           text COLLATE "C" NOT NULL,
    seq                bigint,
    fired_at           text COLLATE "C"
);
CREATE UNIQUE INDEX publishes_one_pending ON publishes (project_id) WHERE status = 'pending';
CREATE INDEX publishes_due ON publishes (status, fire_at);
CREATE INDEX publishes_by_project ON publishes (project_id, id);
