-- token audit: which routes each token used, how often, and when last
CREATE TABLE token_usage (
    token_id      text COLLATE "C" NOT NULL,
    method        text NOT NULL,
    route         text NOT NULL,
    count         bigint NOT NULL,
    last_used_at  text COLLATE "C" NOT NULL,
    PRIMARY KEY (token_id, method, route)
);
