-- V24: full-text search (issue 14). Each collection's index is a table of its own (e_<pk>_fts + e_<pk>_sdoc),
-- made with the collection; this records, per collection, what its index was built for (which fields, which
-- analysis). At start, Vellum builds the index of every collection that has no row here, or a stale one:
-- existing entries become searchable the first time a version with search starts.
CREATE TABLE search_indexes (
    collection_pk  INTEGER PRIMARY KEY,
    signature      TEXT NOT NULL,
    built_at       TEXT NOT NULL
);
