-- assets: one row per distinct content per project (de-duplicated by sha256); bytes live in the asset store
CREATE TABLE assets (
    project_id    text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    id            text COLLATE "C" NOT NULL,
    url_key       TEXT NOT NULL,   -- random, in the public URL: asset URLs cannot be guessed from ids
    sha256        TEXT NOT NULL,
    filename      TEXT NOT NULL,
    content_type  text COLLATE "C" NOT NULL,   -- sniffed from the bytes
    size          bigint NOT NULL,
    width         INTEGER,
    height        INTEGER,
    alt           TEXT,
    title         TEXT,
    created_at    text COLLATE "C" NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (project_id, id)
);
CREATE UNIQUE INDEX assets_by_sha256 ON assets (project_id, sha256);
CREATE UNIQUE INDEX assets_by_url_key ON assets (url_key);
CREATE INDEX assets_by_type ON assets (project_id, content_type, id);

-- image variants made and kept in the store (counted against the per-asset cap)
CREATE TABLE asset_variants (
    project_id    text COLLATE "C" NOT NULL,
    asset_id      text COLLATE "C" NOT NULL,
    spec          TEXT NOT NULL,   -- canonical form, e.g. w800-h0-inside-q82.jpeg
    content_type  TEXT NOT NULL,
    size          bigint NOT NULL,
    width         integer NOT NULL,
    height        integer NOT NULL,
    created_at    text COLLATE "C" NOT NULL,
    PRIMARY KEY (project_id, asset_id, spec),
    FOREIGN KEY (project_id, asset_id) REFERENCES assets (project_id, id) ON DELETE CASCADE
);

-- per project: whether asset URLs are public (unguessable) or need a read token
CREATE TABLE asset_settings (
    project_id    text COLLATE "C" PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    public        boolean NOT NULL,
    updated_at    TEXT NOT NULL
);
