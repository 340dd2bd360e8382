package dev.vellum.sync;

import java.util.List;

/**
 * A Directus field as sync sees it: name, Directus type ({@code string}, {@code integer},
 * {@code timestamp}, {@code alias}, …), interface, {@code special} flags, dropdown choices, and the
 * relation it stands for (null for plain fields).
 */
public record RemoteField(String field, String type, String iface, List<String> special, boolean primaryKey,
                          List<String> choices, Relation relation) {

    public RemoteField {
        special = special == null ? List.of() : List.copyOf(special);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /**
     * Where a relational field points. {@code M2O}: the field holds the related item's key;
     * {@code FILE}: a directus_files id; {@code M2M}: an alias over {@code junction}, whose
     * {@code junctionSelf} points back at this item and {@code junctionField} at the related one.
     */
    public record Relation(Kind kind, String related, String junction, String junctionSelf, String junctionField) {
        public enum Kind { M2O, FILE, M2M }
    }

    public boolean has(String flag) {
        return special.contains(flag);
    }
}
