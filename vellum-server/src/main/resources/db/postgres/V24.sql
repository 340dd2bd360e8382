-- V24: full-text search (issue 14). Each collection's index is a table of its own (e_<pk>_search, tsvector + GIN),
-- made with the collection; this records, per collection, what its index was built for (which fields, which
-- analysis). At start, Vellum builds the index of every collection that has no row here, or a stale one:
-- existing entries become searchable the first time a version with search starts.
CREATE TABLE search_indexes (
    collection_pk  bigint PRIMARY KEY,
    signature      text NOT NULL,
    built_at       text NOT NULL
);
