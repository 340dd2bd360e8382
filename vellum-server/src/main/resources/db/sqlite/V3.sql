-- token audit: which routes each token used, how often, and when last
CREATE TABLE token_usage (
    token_id      TEXT NOT NULL,
    method        TEXT NOT NULL,
    route         TEXT NOT NULL,
    count         INTEGER NOT NULL,
    last_used_at  TEXT NOT NULL,
    PRIMARY KEY (token_id, method, route)
);
