-- admin UI: a preview URL template per collection (e.g. https://site.example.com/blog/{slug})
CREATE TABLE admin_preview_urls (
    project_id     TEXT NOT NULL,
    collection_id  TEXT NOT NULL,
    template       TEXT NOT NULL,
    PRIMARY KEY (project_id, collection_id)
);
