package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Field-by-field three-way merge of an item's Vellum and Directus values against the values of the
 * last sync (the base). Values are compared in Vellum's normalised form, key by key.
 */
public final class ThreeWayMerge {
    private ThreeWayMerge() {}

    /**
     * What the two sides did since the base. {@code merged}: the values both sides should have when
     * there is no conflict; {@code conflicting}: the fields that stop the merge.
     */
    public record Outcome(List<String> localChanged, List<String> remoteChanged, List<String> conflicting, ObjectNode merged) {
        public boolean unchanged() {
            return localChanged.isEmpty() && remoteChanged.isEmpty();
        }

        public boolean conflict() {
            return !conflicting.isEmpty();
        }

        /** Both sides changed (different fields, or the same fields to the same values): a merge, not a one-sided update. */
        public boolean bothChanged() {
            return !localChanged.isEmpty() && !remoteChanged.isEmpty();
        }
    }

    /**
     * @param itemRule the plugin's stricter rule: any change on both sides is a conflict (unless both
     *                 made exactly the same change)
     */
    public static Outcome merge(ObjectNode base, ObjectNode local, ObjectNode remote, boolean itemRule) {
        Set<String> keys = new LinkedHashSet<>();
        base.fieldNames().forEachRemaining(keys::add);
        local.fieldNames().forEachRemaining(keys::add);
        remote.fieldNames().forEachRemaining(keys::add);
        List<String> localChanged = new ArrayList<>();
        List<String> remoteChanged = new ArrayList<>();
        List<String> conflicting = new ArrayList<>();
        ObjectNode merged = base.objectNode();
        for (String k : keys) {
            JsonNode b = value(base, k);
            JsonNode l = value(local, k);
            JsonNode r = value(remote, k);
            boolean lc = !l.equals(b);
            boolean rc = !r.equals(b);
            if (lc) localChanged.add(k);
            if (rc) remoteChanged.add(k);
            if (lc && rc && !l.equals(r)) conflicting.add(k);
            merged.set(k, lc ? l : r);
        }
        if (itemRule && conflicting.isEmpty() && !localChanged.isEmpty() && !remoteChanged.isEmpty()
                && !sameChanges(local, remote, localChanged, remoteChanged)) {
            Set<String> all = new LinkedHashSet<>(localChanged);
            all.addAll(remoteChanged);
            conflicting.addAll(all);
        }
        return new Outcome(localChanged, remoteChanged, conflicting, merged);
    }

    private static boolean sameChanges(ObjectNode local, ObjectNode remote, List<String> lc, List<String> rc) {
        return new LinkedHashSet<>(lc).equals(new LinkedHashSet<>(rc)) && lc.stream().allMatch(k -> value(local, k).equals(value(remote, k)));
    }

    static JsonNode value(ObjectNode o, String k) {
        JsonNode v = o.get(k);
        return v == null ? NullNode.getInstance() : v;
    }
}
