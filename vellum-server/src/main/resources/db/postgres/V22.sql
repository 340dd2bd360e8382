-- sync: which Directus file holds which Vellum asset, per Directus (re-hosted files are downloaded once,
-- and an asset pushed to Directus is uploaded once and then reused)
CREATE TABLE sync_files (
    project_id  text COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    directus    text COLLATE "C" NOT NULL, -- the Directus base URL
    file_id     text COLLATE "C" NOT NULL, -- directus_files id
    asset_id    text COLLATE "C" NOT NULL, -- the Vellum asset with the same bytes
    created_at  text COLLATE "C" NOT NULL,
    PRIMARY KEY (project_id, directus, file_id)
);
CREATE INDEX sync_files_by_asset ON sync_files (project_id, directus, asset_id);
