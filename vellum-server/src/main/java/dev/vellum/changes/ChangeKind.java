package dev.vellum.changes;

/** The kinds of change the log records; the wire names are also webhook event names. */
public enum ChangeKind {
    ENTRY_CREATED("entry.created"),
    ENTRY_UPDATED("entry.updated"),
    ENTRY_DELETED("entry.deleted"),
    COLLECTION_CREATED("collection.created"),
    COLLECTION_UPDATED("collection.updated"),
    COLLECTION_DELETED("collection.deleted"),
    ASSET_CREATED("asset.created"),
    ASSET_UPDATED("asset.updated"),
    ASSET_DELETED("asset.deleted"),
    /** The site was published: deploy hooks rebuild it. Fired by publishing, debounced. */
    SITE_PUBLISHED("site.published");

    private final String wire;

    ChangeKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static java.util.Optional<ChangeKind> parse(String wire) {
        for (ChangeKind k : values()) if (k.wire.equals(wire)) return java.util.Optional.of(k);
        return java.util.Optional.empty();
    }
}
