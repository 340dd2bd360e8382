package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.changes.Change;
import dev.vellum.changes.ChangeLog;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One run of a connection: pairs Vellum entries with Directus items (by the stored link, then by
 * slug), compares both with the values of the last sync, and applies what the rules say
 * ({@link Reconciler}): create, update, merge, overwrite, or record a conflict. Writes go in bulk
 * where each side allows it; per-item state is saved as soon as an item is written, so a run that
 * fails half-way leaves nothing inconsistent and the next run completes it.
 */
final class SyncEngine {
    enum Direction { PULL, PUSH }

    private final Database db;
    private final Connection connection;
    private final ItemCodec codec;
    private final LocalSide local;
    private final RemoteSide remote;
    private final RunReport report;
    private final boolean dryRun;
    private final Consumer<RunReport> progress;
    private final SyncStateRepository state = new SyncStateRepository();
    private final Reconciler reconciler;

    SyncEngine(Database db, Connection connection, ItemCodec codec, LocalSide local, RemoteSide remote, RunReport report, boolean dryRun,
               Consumer<RunReport> progress) {
        this.db = db;
        this.connection = connection;
        this.codec = codec;
        this.local = local;
        this.remote = remote;
        this.report = report;
        this.dryRun = dryRun;
        this.progress = progress;
        this.reconciler = new Reconciler(connection.options(), codec.keys());
    }

    // --- pull -----------------------------------------------------------------------------------

    /** Pulls what changed in Directus after {@code since} (everything when null); returns the new marker. */
    String pull(String since) {
        String[] marker = {since};
        Map<String, Conflict> open = db.read(tx -> state.openConflicts(tx, connection.id()));
        Set<String> slugs = new HashSet<>();
        Set<String> seen = new HashSet<>();
        // into an empty collection nothing can match by slug but what this run creates (which the slug set knows)
        boolean matchSlugs = !local.isEmpty();
        remote.changedSince(since, page -> {
            List<JsonNode> chunk = new ArrayList<>(page.size());
            page.forEach(chunk::add);
            chunk.forEach(item -> seen.add(codec.remoteId(item)));
            pullChunk(chunk, open, slugs, matchSlugs);
            for (JsonNode item : chunk) marker[0] = later(marker[0], dateMarker(item));
            progress.accept(report);
        });
        if (connection.options().deletes()) {
            List<String> deleted = new ArrayList<>();
            if (since != null) { // incremental: Directus' activity log says what was deleted after the marker
                remote.client().deletions(connection.remoteCollection(), since).forEach(a -> deleted.add(a.path("item").asText()));
            } else { // a full scan: a linked item Directus no longer has was deleted there
                db.read(tx -> state.all(tx, connection.id())).forEach(l -> {
                    if (!seen.contains(l.remoteId())) deleted.add(l.remoteId());
                });
            }
            pullDeletions(deleted);
        }
        return marker[0];
    }

    private void pullChunk(List<JsonNode> items, Map<String, Conflict> open, Set<String> slugs, boolean matchSlugs) {
        List<String> ids = items.stream().map(codec::remoteId).toList();
        Map<String, SyncItem> links = db.read(tx -> state.byRemote(tx, connection.id(), ids));
        List<SyncItem> changed = new ArrayList<>();
        for (JsonNode item : items) {
            SyncItem s = links.get(codec.remoteId(item));
            if (s == null || !codec.marker(item).equals(s.remoteMarker())) {
                if (s != null) changed.add(s);
            }
        }
        Map<String, JsonNode> entries = local.byIds(changed.stream().map(SyncItem::entryId).toList());
        List<String> unlinkedSlugs = new ArrayList<>();
        for (JsonNode item : items) {
            if (links.containsKey(codec.remoteId(item)) || connection.slugField() == null) continue;
            JsonNode slug = item.get(connection.slugField());
            if (slug != null && !slug.isNull()) unlinkedSlugs.add(slug.asText());
        }
        Map<String, JsonNode> bySlug = unlinkedSlugs.isEmpty() || !matchSlugs ? Map.of() : local.bySlugs(unlinkedSlugs);
        Map<String, SyncItem> slugLinks = bySlug.isEmpty() ? Map.of()
                : db.read(tx -> state.byEntry(tx, connection.id(), bySlug.values().stream().map(e -> e.path("id").asText()).toList()));
        List<Pair> pairs = new ArrayList<>();
        for (JsonNode item : items) {
            report.seen++;
            String rid = codec.remoteId(item);
            SyncItem s = links.get(rid);
            String slug = connection.slugField() == null || item.path(connection.slugField()).isNull() ? null
                    : item.path(connection.slugField()).asText(null);
            if (s != null && codec.marker(item).equals(s.remoteMarker())) {
                report.unchanged++; // Directus has not changed it since it was last synced
                continue;
            }
            if (s == null && slug != null) {
                JsonNode match = bySlug.get(slug);
                SyncItem other = match == null ? null : slugLinks.get(match.path("id").asText());
                if (!slugs.add(slug) || (other != null && !other.remoteId().equals(rid))) {
                    report.skip(rid, match == null ? null : match.path("id").asText(), slug,
                            "duplicate_slug: another Directus item with this slug was synced first");
                    continue;
                }
                pairs.add(pair(match, item, null));
                continue;
            }
            if (slug != null) slugs.add(slug);
            JsonNode entry = s == null ? null : entries.get(s.entryId());
            if (s != null && open.containsKey(s.entryId())) {
                report.skip(rid, s.entryId(), slug, "open_conflict: resolve conflict " + open.get(s.entryId()).id() + " first");
                continue;
            }
            pairs.add(pair(entry, item, entry == null ? null : s));
        }
        apply(pairs, Direction.PULL);
    }

    /**
     * Items deleted in Directus: the linked entries are deleted, unless they changed in Vellum since the
     * last sync (an edit wins over a delete: kept and reported).
     */
    private void pullDeletions(List<String> deleted) {
        if (deleted.isEmpty()) return;
        Map<String, SyncItem> links = db.read(tx -> state.byRemote(tx, connection.id(), deleted));
        Map<String, JsonNode> entries = local.byIds(links.values().stream().map(SyncItem::entryId).toList());
        List<String> forget = new ArrayList<>();
        for (SyncItem s : links.values()) {
            JsonNode e = entries.get(s.entryId());
            if (e == null) { // deleted on both sides
                forget.add(s.entryId());
                continue;
            }
            if (s.vellumVersion() != e.path("version").asLong() && !codec.local(e).equals(s.base())) {
                report.skip(s.remoteId(), s.entryId(), s.slug(), "deleted_in_directus_but_changed_in_vellum: kept");
                continue;
            }
            if (!dryRun) {
                try {
                    local.delete(s.entryId(), e.path("version").asLong());
                } catch (VellumException.PreconditionFailed | VellumException.NotFound raced) {
                    report.error(s.remoteId(), s.entryId(), s.slug(), "changed in Vellum during the run: not deleted");
                    continue;
                }
            }
            forget.add(s.entryId());
            report.deleted++;
        }
        forget(forget);
    }

    private void forget(List<String> entryIds) {
        if (dryRun || entryIds.isEmpty()) return;
        db.write(tx -> {
            for (String id : entryIds) state.forgetEntry(tx, connection.id(), id);
            return null;
        });
    }

    // --- push -----------------------------------------------------------------------------------

    /**
     * Pushes the entries changed after change-log position {@code since} (every entry when 0); returns
     * the position read through.
     */
    long push(long since, ChangeLog changes) {
        long latest = changes.latest(connection.projectId());
        Map<String, JsonNode> entries;
        Set<String> deletedIds = new LinkedHashSet<>();
        if (since <= 0) {
            // a full push compares every entry's version with its link first (ids and versions only), and reads
            // whole only the entries that are new or changed: cheap over a collection a pull just filled
            Map<String, Long> versions = local.versions();
            Map<String, Long> synced = new HashMap<>();
            db.read(tx -> state.all(tx, connection.id())).forEach(l -> {
                synced.put(l.entryId(), l.vellumVersion());
                // a linked entry Vellum no longer has was deleted here
                if (connection.options().deletes() && !versions.containsKey(l.entryId())) deletedIds.add(l.entryId());
            });
            List<String> changed = new ArrayList<>();
            versions.forEach((id, v) -> {
                if (v.equals(synced.get(id))) {
                    report.seen++;
                    report.unchanged++; // not changed in Vellum since it was last synced
                } else {
                    changed.add(id);
                }
            });
            entries = local.byIds(changed, versions.size());
        } else {
            Set<String> ids = new LinkedHashSet<>();
            long at = since;
            while (at < latest) {
                List<Change> page = changes.since(connection.projectId(), at, ChangeLog.MAX_PAGE, true);
                if (page.isEmpty()) break;
                for (Change c : page) {
                    if (c.seq() > latest) break;
                    if (!connection.collection().equals(c.collection()) || c.entryId() == null) continue;
                    if (c.kind().equals("entry.deleted")) {
                        deletedIds.add(c.entryId());
                        ids.remove(c.entryId());
                    } else {
                        ids.add(c.entryId());
                        deletedIds.remove(c.entryId());
                    }
                }
                at = page.getLast().seq();
            }
            entries = local.byIds(List.copyOf(ids));
        }
        Map<String, SyncItem> links = db.read(tx -> state.byEntry(tx, connection.id(), List.copyOf(entries.keySet())));
        Map<String, Conflict> open = db.read(tx -> state.openConflicts(tx, connection.id()));
        List<JsonNode> candidates = new ArrayList<>();
        for (JsonNode e : entries.values()) {
            report.seen++;
            SyncItem s = links.get(e.path("id").asText());
            if (s != null && s.vellumVersion() == e.path("version").asLong()) {
                report.unchanged++; // not changed in Vellum since it was last synced
                continue;
            }
            if (s != null && open.containsKey(s.entryId())) {
                report.skip(s.remoteId(), s.entryId(), e.path("slug").asText(), "open_conflict: resolve conflict " + open.get(s.entryId()).id() + " first");
                continue;
            }
            candidates.add(e);
        }
        Map<String, JsonNode> remoteById = new HashMap<>();
        Map<String, JsonNode> remoteBySlug = new HashMap<>();
        List<String> linked = candidates.stream().map(e -> links.get(e.path("id").asText())).filter(java.util.Objects::nonNull)
                .map(SyncItem::remoteId).toList();
        List<String> slugs = connection.slugField() == null ? List.of() : candidates.stream()
                .filter(e -> !links.containsKey(e.path("id").asText())).map(e -> e.path("slug").asText()).toList();
        // many to look up: one keyset scan of the collection costs fewer requests than lookups by 100
        boolean scan = linked.size() + slugs.size() > 2 * RemoteSide.PAGE;
        List<JsonNode> found = scan ? remote.changedSince(null) : new ArrayList<>();
        if (!scan) {
            if (!linked.isEmpty()) found.addAll(remote.where(connection.idField(), linked));
            if (!slugs.isEmpty()) found.addAll(remote.where(connection.slugField(), slugs));
        }
        for (JsonNode item : found) {
            remoteById.put(codec.remoteId(item), item);
            if (connection.slugField() != null && item.hasNonNull(connection.slugField())) {
                remoteBySlug.putIfAbsent(item.get(connection.slugField()).asText(), item); // duplicates in Directus: the first wins
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (JsonNode e : candidates) {
            SyncItem s = links.get(e.path("id").asText());
            JsonNode item = s != null ? remoteById.get(s.remoteId()) : remoteBySlug.get(e.path("slug").asText());
            pairs.add(pair(e, item, item == null ? null : s));
        }
        apply(pairs, Direction.PUSH);
        progress.accept(report);
        if (connection.options().deletes()) pushDeletions(deletedIds);
        return latest;
    }

    /** Deletes the Directus items of entries deleted in Vellum, in bulk requests. */
    private void pushDeletions(Set<String> entryIds) {
        if (entryIds.isEmpty()) return;
        Map<String, SyncItem> links = db.read(tx -> state.byEntry(tx, connection.id(), List.copyOf(entryIds)));
        List<SyncItem> linked = List.copyOf(links.values());
        for (int i = 0; i < linked.size(); i += RemoteSide.PAGE) {
            List<SyncItem> chunk = linked.subList(i, Math.min(linked.size(), i + RemoteSide.PAGE));
            if (!dryRun) {
                remote.delete(chunk.stream().map(SyncItem::remoteId).toList());
                forget(chunk.stream().map(SyncItem::entryId).toList());
            }
            report.deleted += chunk.size();
        }
    }

    // --- pairing and applying -------------------------------------------------------------------

    /** An entry and an item that sync treats as one, with their values and the link between them. */
    static final class Pair {
        final JsonNode entry;
        final JsonNode item;
        final SyncItem state;
        ObjectNode localValues;
        ObjectNode remoteValues;
        Reconciler.Plan plan;
        String entryId;
        long version;
        String remoteId;
        String marker;

        Pair(JsonNode entry, JsonNode item, SyncItem state) {
            this.entry = entry;
            this.item = item;
            this.state = state;
        }

        String slug() {
            if (plan != null && plan.target().hasNonNull(ItemCodec.SLUG)) return plan.target().get(ItemCodec.SLUG).asText();
            return entry != null ? entry.path("slug").asText(null) : null;
        }
    }

    private Pair pair(JsonNode entry, JsonNode item, SyncItem s) {
        Pair p = new Pair(entry, item, s);
        if (entry != null) {
            p.localValues = codec.local(entry);
            p.entryId = entry.path("id").asText();
            p.version = entry.path("version").asLong();
        }
        if (item != null) {
            p.remoteId = codec.remoteId(item);
            p.marker = codec.marker(item);
        }
        return p;
    }

    private void apply(List<Pair> pairs, Direction direction) {
        List<Pair> planned = new ArrayList<>();
        for (Pair p : pairs) {
            try {
                if (p.item != null) p.remoteValues = codec.remote(p.item);
                p.plan = reconciler.plan(p.localValues, p.remoteValues, p.state == null ? null : p.state.base(), direction);
            } catch (ValueConverter.Unconvertible e) {
                report.error(p.remoteId, p.entryId, p.entry != null ? p.entry.path("slug").asText(null) : null, e.getMessage());
                continue;
            }
            switch (p.plan.outcome()) {
                case UNCHANGED -> {
                    report.unchanged++;
                    if (p.state == null && p.entry != null && p.item != null) planned.add(p); // a first link: remember it
                }
                case CONFLICT -> recordConflict(p);
                default -> planned.add(p);
            }
        }
        if (dryRun) {
            planned.forEach(p -> count(p.plan.outcome()));
            return;
        }
        new Writer(codec, local, remote, report).write(planned);
        List<SyncItem> saved = new ArrayList<>();
        String now = Timestamps.now();
        for (Pair p : planned) {
            if (p.entryId == null || p.remoteId == null || p.plan == null) continue; // failed on one side: reported
            count(p.plan.outcome());
            saved.add(new SyncItem(connection.id(), p.entryId, p.remoteId, p.slug(), p.marker, p.version, p.plan.target(), now));
        }
        db.write(tx -> {
            state.save(tx, saved);
            return null;
        });
    }

    private void count(Reconciler.Outcome o) {
        switch (o) {
            case CREATED -> report.created++;
            case UPDATED -> report.updated++;
            case MERGED -> report.merged++;
            default -> { }
        }
    }

    private void recordConflict(Pair p) {
        Conflict c = new Conflict(Ulid.next(), connection.id(), p.entryId, p.remoteId, p.entry.path("slug").asText(null),
                p.plan.conflicting(), p.state.base(), p.localValues, p.remoteValues, "open", null, Timestamps.now(), null);
        if (!dryRun) {
            db.write(tx -> {
                state.insertConflict(tx, c);
                return null;
            });
        }
        report.conflict(c.id());
    }

    private String dateMarker(JsonNode item) {
        String m = null;
        for (String f : new String[] {connection.updatedField(), connection.createdField()}) {
            if (f != null && item.hasNonNull(f)) m = later(m, item.get(f).asText());
        }
        return m;
    }

    private static String later(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Thrown by writes that must not be retried blindly; carried into the report. */
    static String message(RuntimeException e) {
        if (e instanceof VellumException v) {
            return v.code() + ": " + v.getMessage() + (v.errors().isEmpty() ? "" : " " + v.errors().stream()
                    .map(f -> f.field() + " " + f.message()).toList());
        }
        return e.getMessage();
    }
}
