package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.BatchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out the plans of a run: Vellum creates in batches and updates guarded by the version that
 * was read (an edit made meanwhile is never overwritten: the item is reported and merged next run);
 * Directus creates and updates in bulk, falling back to one request per item to pin a failure
 * (e.g. {@code RECORD_NOT_UNIQUE}) on the item that caused it. A pair that fails on a side loses
 * its plan, so no state is saved for it. Directus being unreachable ends the run.
 */
final class Writer {
    private final ItemCodec codec;
    private final LocalSide local;
    private final RemoteSide remote;
    private final RunReport report;

    Writer(ItemCodec codec, LocalSide local, RemoteSide remote, RunReport report) {
        this.codec = codec;
        this.local = local;
        this.remote = remote;
        this.report = report;
    }

    void write(List<SyncEngine.Pair> pairs) {
        createLocal(pairs.stream().filter(p -> p.plan.createLocal()).toList());
        updateLocal(pairs.stream().filter(p -> p.plan != null && !p.plan.createLocal() && !p.plan.writeLocal().isEmpty()).toList());
        createRemote(pairs.stream().filter(p -> p.plan != null && p.plan.createRemote()).toList());
        updateRemote(pairs.stream().filter(p -> p.plan != null && !p.plan.createRemote() && !p.plan.writeRemote().isEmpty()).toList());
    }

    private void createLocal(List<SyncEngine.Pair> pairs) {
        if (pairs.isEmpty()) return;
        List<ObjectNode> bodies = pairs.stream().map(p -> codec.entryBody(p.plan.target(), p.plan.writeLocal())).toList();
        List<BatchResult.Item> results = local.create(bodies);
        for (int i = 0; i < pairs.size(); i++) {
            SyncEngine.Pair p = pairs.get(i);
            BatchResult.Item r = results.get(i);
            if (r.status().equals("created")) {
                p.entryId = r.id();
                p.version = r.version();
            } else {
                report.error(p.remoteId, null, p.slug(), "not created in Vellum: " + describe(r));
                p.plan = null;
            }
        }
    }

    private void updateLocal(List<SyncEngine.Pair> pairs) {
        if (pairs.isEmpty()) return;
        List<ObjectNode> bodies = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        for (SyncEngine.Pair p : pairs) {
            bodies.add(codec.entryBody(p.plan.target(), p.plan.writeLocal()).put("id", p.entryId));
            versions.add(p.version);
        }
        List<BatchResult.Item> results = local.update(bodies, versions);
        for (int i = 0; i < pairs.size(); i++) {
            SyncEngine.Pair p = pairs.get(i);
            BatchResult.Item r = results.get(i);
            if (!r.status().equals("error")) {
                p.version = r.version();
            } else if ("version_mismatch".equals(r.code()) || "entry_not_found".equals(r.code())) {
                report.error(p.remoteId, p.entryId, p.slug(), "changed in Vellum during the run: left for the next run to merge");
                p.plan = null;
            } else {
                report.error(p.remoteId, p.entryId, p.slug(), "not updated in Vellum: " + describe(r));
                p.plan = null;
            }
        }
    }

    private static String describe(BatchResult.Item r) {
        return r.code() + (r.errors().isEmpty() ? "" : " " + r.errors().stream().map(e -> e.field() + " " + e.message()).toList());
    }

    private void createRemote(List<SyncEngine.Pair> pairs) {
        List<SyncEngine.Pair> ready = new ArrayList<>();
        List<ObjectNode> bodies = new ArrayList<>();
        for (SyncEngine.Pair p : pairs) {
            try {
                bodies.add(codec.remoteBody(p.plan.target(), p.plan.writeRemote()));
                ready.add(p);
            } catch (ValueConverter.Unconvertible e) {
                report.error(null, p.entryId, p.slug(), e.getMessage());
                p.plan = null;
            }
        }
        if (ready.isEmpty()) return;
        try {
            List<JsonNode> created = remote.create(bodies);
            for (int i = 0; i < ready.size(); i++) created(ready.get(i), created.get(i));
        } catch (DirectusException e) {
            if (e.transientFailure()) throw e;
            for (int i = 0; i < ready.size(); i++) { // one bad item fails Directus' whole batch: find it
                SyncEngine.Pair p = ready.get(i);
                try {
                    created(p, remote.createOne(bodies.get(i)));
                } catch (DirectusException one) {
                    if (one.transientFailure()) throw one;
                    report.error(null, p.entryId, p.slug(), "not created in Directus: " + (one.code() != null ? one.code() + ": " : "")
                            + one.getMessage());
                    p.plan = null;
                }
            }
        }
    }

    private void created(SyncEngine.Pair p, JsonNode item) {
        p.remoteId = codec.remoteId(item);
        p.marker = codec.marker(item);
    }

    private void updateRemote(List<SyncEngine.Pair> pairs) {
        if (pairs.isEmpty()) return;
        String pk = remote.pk();
        List<SyncEngine.Pair> ready = new ArrayList<>();
        List<ObjectNode> bodies = new ArrayList<>();
        for (SyncEngine.Pair p : pairs) {
            try {
                ObjectNode body = codec.remoteBody(p.plan.target(), p.plan.writeRemote());
                body.set(pk, p.item.get(pk));
                bodies.add(body);
                ready.add(p);
            } catch (ValueConverter.Unconvertible e) {
                report.error(p.remoteId, p.entryId, p.slug(), e.getMessage());
                p.plan = null;
            }
        }
        if (ready.size() > 1) {
            try {
                List<JsonNode> updated = remote.updateBatch(bodies);
                java.util.Map<String, JsonNode> byKey = new java.util.HashMap<>();
                updated.forEach(u -> byKey.put(u.path(pk).asText(), u));
                boolean all = true;
                for (SyncEngine.Pair p : ready) {
                    JsonNode u = byKey.get(p.item.path(pk).asText());
                    if (u == null) all = false;
                    else p.marker = codec.marker(u);
                }
                if (all) return;
            } catch (DirectusException e) {
                if (e.transientFailure()) throw e; // otherwise: one by one below, to pin the failure
            }
        }
        for (int i = 0; i < ready.size(); i++) updateOne(ready.get(i), bodies.get(i));
    }

    private void updateOne(SyncEngine.Pair p, ObjectNode body) {
        String pk = remote.pk();
        try {
            JsonNode u = remote.update(p.item.path(pk).asText(), body);
            if (u.isMissingNode() || u.isNull()) { // 204: the item is gone from Directus; create it again
                ObjectNode all = codec.remoteBody(p.plan.target(), codec.keys());
                created(p, remote.createOne(all));
            } else {
                p.marker = codec.marker(u);
            }
        } catch (DirectusException e) {
            if (e.transientFailure()) throw e;
            report.error(p.remoteId, p.entryId, p.slug(), "not updated in Directus: " + (e.code() != null ? e.code() + ": " : "") + e.getMessage());
            p.plan = null;
        } catch (ValueConverter.Unconvertible e) {
            report.error(p.remoteId, p.entryId, p.slug(), e.getMessage());
            p.plan = null;
        }
    }
}
