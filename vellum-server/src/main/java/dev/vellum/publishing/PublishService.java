package dev.vellum.publishing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Access;
import dev.vellum.changes.Change;
import dev.vellum.changes.ChangeKind;
import dev.vellum.changes.ChangeLog;
import dev.vellum.config.EventSettings;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.storage.Database;
import dev.vellum.webhooks.DeliveryRepository;
import dev.vellum.projects.ProjectRepository;
import dev.vellum.time.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Publishing a project's site: requests are debounced into one publish, which fires
 * {@code site.published} into the change log, from where webhooks subscribed to it (deploy hooks)
 * deliver it. The history shows each publish with the state of its deploy hook deliveries.
 */
public final class PublishService {
    public static final int MAX_PAGE = 100;

    private final Database db;
    private final ChangeLog changes;
    private final EventSettings settings;
    private final Runnable wakeScheduler;
    private final PublishRepository publishes = new PublishRepository();
    private final DeliveryRepository deliveries = new DeliveryRepository();
    private final ProjectRepository projects = new ProjectRepository();

    /** A publish with the deliveries of its site.published event. */
    public record Report(Publish publish, List<DeliveryRepository.PublishDelivery> deliveries) {}

    /** A page of the history, newest first. */
    public record History(List<Report> data, String nextCursor) {}

    public PublishService(Database db, ChangeLog changes, EventSettings settings, Runnable wakeScheduler) {
        this.db = db;
        this.changes = changes;
        this.settings = settings;
        this.wakeScheduler = wakeScheduler;
    }

    /** Asks for a publish; requests within the debounce window join one publish. */
    public Publish request(String projectId, boolean scheduled) {
        Instant now = Instant.now();
        Publish p = db.write(tx -> {
            if (projects.find(tx, projectId).isEmpty()) throw Access.projectNotFound(projectId);
            return publishes.request(tx, Ulid.next(), projectId, Timestamps.format(now),
                    Timestamps.format(now.plus(settings.publishDebounce())), Timestamps.format(now.plus(settings.publishMaxWait())), scheduled);
        });
        wakeScheduler.run();
        return p;
    }

    /** Fires every publish whose time has come; each fires once, whichever node gets to it. */
    public int fireDue() {
        List<Publish> due = db.read(tx -> publishes.due(tx, Timestamps.now(), 50));
        int fired = 0;
        for (Publish p : due) {
            boolean mine = changes.write(p.projectId(), (tx, log) -> {
                String now = Timestamps.now();
                if (!publishes.fire(tx, p.id(), now)) return false;
                log.record(new Change(0, ChangeKind.SITE_PUBLISHED.wire(), null, null, null, false, null, now, data(p)),
                        (t, seq) -> publishes.setSeq(t, p.id(), seq));
                return true;
            });
            if (mine) fired++;
        }
        return fired;
    }

    /** When the next pending publish is due, if any. */
    public Optional<Instant> nextFire() {
        return db.read(publishes::nextFireAt).map(Timestamps::parse);
    }

    public History history(String projectId, int limit, String cursor) {
        if (limit < 1 || limit > MAX_PAGE) throw new VellumException.BadRequest("invalid_query", "limit must be from 1 to " + MAX_PAGE);
        return db.read(tx -> {
            if (projects.find(tx, projectId).isEmpty()) throw Access.projectNotFound(projectId);
            List<Publish> page = publishes.list(tx, projectId, cursor, limit);
            List<Long> seqs = page.stream().map(Publish::seq).filter(s -> s != null).toList();
            Map<Long, List<DeliveryRepository.PublishDelivery>> bySeq = deliveries.forChanges(tx, projectId, seqs).stream()
                    .collect(Collectors.groupingBy(DeliveryRepository.PublishDelivery::seq));
            List<Report> reports = page.stream().map(p -> new Report(p, p.seq() == null ? List.of() : bySeq.getOrDefault(p.seq(), List.of())))
                    .toList();
            return new History(reports, page.size() == limit ? page.getLast().id() : null);
        });
    }

    private static ObjectNode data(Publish p) {
        return JsonNodeFactory.instance.objectNode().put("publish_id", p.id()).put("requests", p.requests())
                .put("scheduled", p.scheduled()).put("requested_at", p.requestedAt()).put("last_requested_at", p.lastRequestedAt());
    }
}
