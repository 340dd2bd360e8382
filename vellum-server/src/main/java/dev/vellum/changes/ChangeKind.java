package dev.vellum.changes;

/** The kinds of change the log records; the wire names are also webhook event names. */
public enum ChangeKind {
    ENTRY_CREATED("entry.created"),
    ENTRY_UPDATED("entry.updated"),
    ENTRY_DELETED("entry.deleted"),
    COLLECTION_CREATED("collection.created"),
    COLLECTION_UPDATED("collection.updated"),
    COLLECTION_DELETED("collection.deleted");

    private final String wire;

    ChangeKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
