package dev.vellum.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Up to 1,000 creates or upserts in one call. {@code match}: how an upsert finds the entry it updates
 * (by slug, or by the input's id). {@code atomic}: one bad item writes nothing at all.
 */
public record BatchRequest(Mode mode, Match match, boolean atomic, List<EntryInput> entries) {

    public enum Mode { CREATE, UPSERT }

    public enum Match { SLUG, ID }

    public BatchRequest {
        entries = List.copyOf(entries);
    }

    public static BatchRequest create(List<EntryInput> entries) {
        return new BatchRequest(Mode.CREATE, Match.SLUG, false, entries);
    }

    public static BatchRequest upsert(List<EntryInput> entries) {
        return new BatchRequest(Mode.UPSERT, Match.SLUG, false, entries);
    }

    public BatchRequest matchingById() {
        return new BatchRequest(mode, Match.ID, atomic, entries);
    }

    public BatchRequest asAtomic() {
        return new BatchRequest(mode, match, true, entries);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object().put("mode", mode.name().toLowerCase(Locale.ROOT)).put("match", match.name().toLowerCase(Locale.ROOT))
                .put("atomic", atomic);
        ArrayNode list = o.putArray("entries");
        entries.forEach(e -> list.add(e.toJson()));
        return o;
    }
}
