package dev.vellum.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The sync rules for one item, as a plan: which values both sides should end with and which keys
 * each side must be written. A first link (no base) lets the run's source side win; with a base,
 * a one-sided change flows in the run's direction, changes to different fields merge, and changes
 * to the same field are a conflict unless {@code always_overwrite} lets the source side win.
 */
final class Reconciler {
    enum Outcome { CREATED, UPDATED, MERGED, UNCHANGED, CONFLICT }

    /**
     * @param writeLocal  keys to write to Vellum (all keys when {@code createLocal})
     * @param writeRemote keys to write to Directus (all keys when {@code createRemote})
     */
    record Plan(Outcome outcome, ObjectNode target, List<String> writeLocal, List<String> writeRemote, boolean createLocal,
                boolean createRemote, List<String> conflicting) {}

    private final SyncOptions options;
    private final List<String> keys;

    Reconciler(SyncOptions options, List<String> keys) {
        this.options = options;
        this.keys = keys;
    }

    Plan plan(ObjectNode local, ObjectNode remote, ObjectNode base, SyncEngine.Direction direction) {
        boolean pull = direction == SyncEngine.Direction.PULL;
        if (local == null) return new Plan(Outcome.CREATED, remote, keys, List.of(), true, false, List.of());
        if (remote == null) return new Plan(Outcome.CREATED, local, List.of(), keys, false, true, List.of());
        if (base == null) {
            ObjectNode source = pull ? remote : local;
            List<String> differ = differing(local, remote);
            if (differ.isEmpty()) return new Plan(Outcome.UNCHANGED, source, List.of(), List.of(), false, false, List.of());
            return new Plan(Outcome.UPDATED, source, pull ? differ : List.of(), pull ? List.of() : differ, false, false, List.of());
        }
        ThreeWayMerge.Outcome m = ThreeWayMerge.merge(base, local, remote, options.itemConflicts());
        if (m.unchanged()) return new Plan(Outcome.UNCHANGED, base, List.of(), List.of(), false, false, List.of());
        if (!m.bothChanged()) {
            boolean flows = pull ? !m.remoteChanged().isEmpty() : !m.localChanged().isEmpty();
            if (!flows) return new Plan(Outcome.UNCHANGED, pull ? local : remote, List.of(), List.of(), false, false, List.of());
            ObjectNode target = m.merged();
            return new Plan(Outcome.UPDATED, target, differing(local, target), differing(remote, target), false, false, List.of());
        }
        ObjectNode target = m.merged();
        if (m.conflict()) {
            if (!options.alwaysOverwrite()) return new Plan(Outcome.CONFLICT, target, List.of(), List.of(), false, false, m.conflicting());
            ObjectNode source = pull ? remote : local;
            for (String k : m.conflicting()) target.set(k, ThreeWayMerge.value(source, k));
            return new Plan(Outcome.UPDATED, target, differing(local, target), differing(remote, target), false, false, List.of());
        }
        return new Plan(Outcome.MERGED, target, differing(local, target), differing(remote, target), false, false, List.of());
    }

    /** Resolves a conflict: {@code winner}'s values for the conflicting keys, the merge for the rest. */
    Plan resolve(ObjectNode local, ObjectNode remote, ObjectNode base, boolean useVellum) {
        ThreeWayMerge.Outcome m = ThreeWayMerge.merge(base, local, remote, options.itemConflicts());
        ObjectNode target = m.merged();
        ObjectNode winner = useVellum ? local : remote;
        for (String k : m.conflicting()) target.set(k, ThreeWayMerge.value(winner, k));
        return new Plan(Outcome.UPDATED, target, differing(local, target), differing(remote, target), false, false, List.of());
    }

    private List<String> differing(ObjectNode a, ObjectNode b) {
        List<String> out = new ArrayList<>();
        for (String k : keys) if (!ThreeWayMerge.value(a, k).equals(ThreeWayMerge.value(b, k))) out.add(k);
        return out;
    }
}
