package dev.vellum.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.auth.Access;
import dev.vellum.crypto.SecretBox;
import dev.vellum.crypto.SignatureHeader;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.changes.ChangeRepository;
import dev.vellum.schema.CollectionRepository;
import dev.vellum.storage.Database;
import dev.vellum.projects.ProjectRepository;
import dev.vellum.storage.Tx;
import dev.vellum.time.Timestamps;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhooks of a project: create, read, change, delete; their delivery log; re-sending a delivery and
 * sending a test event. Delivering itself is the {@link WebhookDispatcher}'s job.
 */
public final class WebhookService {
    public static final int MAX_PAGE = 200;

    private final Database db;
    private final SecretBox secrets;
    private final OutboundPolicy policy;
    private final DeliverySender sender;
    private final Runnable wakeDispatcher;
    private final WebhookRepository webhooks = new WebhookRepository();
    private final DeliveryRepository deliveries = new DeliveryRepository();
    private final ProjectRepository projects = new ProjectRepository();
    private final CollectionRepository collections = new CollectionRepository();
    private final ChangeRepository changes = new ChangeRepository();

    /** A new webhook and its signing secret, which is shown this once. */
    public record Created(Webhook webhook, String secret) {}

    /** A page of the delivery log, newest first. */
    public record DeliveryPage(List<Delivery> data, String nextCursor) {}

    public WebhookService(Database db, SecretBox secrets, OutboundPolicy policy, DeliverySender sender, Runnable wakeDispatcher) {
        this.db = db;
        this.secrets = secrets;
        this.policy = policy;
        this.sender = sender;
        this.wakeDispatcher = wakeDispatcher;
    }

    public Created create(String projectId, JsonNode body) {
        WebhookSpec spec = WebhookSpec.parse(body, true);
        checkDestination(spec.url());
        String secret = spec.secret() != null ? spec.secret() : SignatureHeader.newSecret();
        String now = Timestamps.now();
        Webhook created = db.write(tx -> {
            if (projects.find(tx, projectId).isEmpty()) throw Access.projectNotFound(projectId);
            checkCollections(tx, projectId, spec.collections());
            long cursor = changes.latest(tx, projectId); // a new webhook hears of changes from now on
            Webhook w = new Webhook(Ulid.next(), projectId, spec.url(), new EventFilter(spec.events()), spec.collections(),
                    spec.description(), secrets.seal(secret), Webhook.Status.ACTIVE, null, null, cursor, now, now);
            webhooks.insert(tx, w);
            return w;
        });
        wakeDispatcher.run(); // the dispatcher skips its reads while it knows of no active webhook: it now does
        return new Created(created, secret);
    }

    /** How many deliveries wait to be sent or retried (the webhook queue's depth, for metrics). */
    public long pendingDeliveries() {
        return db.read(deliveries::countPending);
    }

    public List<Webhook> list(String projectId) {
        return db.read(tx -> webhooks.list(tx, projectId));
    }

    public Webhook get(String projectId, String id) {
        return db.read(tx -> find(tx, projectId, id));
    }

    public Webhook update(String projectId, String id, JsonNode body) {
        WebhookSpec spec = WebhookSpec.parse(body, false);
        if (spec.url() != null) checkDestination(spec.url());
        Webhook updated = db.write(tx -> {
            Webhook w = find(tx, projectId, id);
            if (spec.collectionsSet()) checkCollections(tx, projectId, spec.collections());
            String now = Timestamps.now();
            boolean statusChanges = spec.status() != null && spec.status() != w.status();
            Webhook next = new Webhook(w.id(), projectId,
                    spec.url() != null ? spec.url() : w.url(),
                    spec.events() != null ? new EventFilter(spec.events()) : w.events(),
                    spec.collectionsSet() ? spec.collections() : w.collections(),
                    spec.descriptionSet() ? spec.description() : w.description(),
                    spec.secret() != null ? secrets.seal(spec.secret()) : w.sealedSecret(),
                    statusChanges ? spec.status() : w.status(),
                    statusChanges ? (spec.status() == Webhook.Status.DISABLED ? "disabled by an admin" : null) : w.statusReason(),
                    statusChanges ? now : w.statusChangedAt(), w.cursor(), w.createdAt(), now);
            webhooks.update(tx, next);
            return next;
        });
        wakeDispatcher.run();
        return updated;
    }

    public void delete(String projectId, String id) {
        db.write(tx -> {
            if (!webhooks.delete(tx, projectId, id)) throw notFound(id);
            return null;
        });
        wakeDispatcher.run();
    }

    public DeliveryPage deliveries(String projectId, String id, String status, int limit, String cursor) {
        if (status != null && !List.of("pending", "delivered", "failed").contains(status)) {
            throw new VellumException.BadRequest("invalid_query", "status is pending, delivered or failed");
        }
        if (limit < 1 || limit > MAX_PAGE) throw new VellumException.BadRequest("invalid_query", "limit must be from 1 to " + MAX_PAGE);
        long before = parseCursor(cursor);
        List<Delivery> page = db.read(tx -> {
            find(tx, projectId, id);
            return deliveries.list(tx, id, before, status, limit);
        });
        String next = page.size() == limit ? Long.toString(page.getLast().position()) : null;
        return new DeliveryPage(page, next);
    }

    public Delivery delivery(String projectId, String id, String deliveryId) {
        return db.read(tx -> {
            find(tx, projectId, id);
            return deliveries.find(tx, id, deliveryId).orElseThrow(() -> deliveryNotFound(deliveryId));
        });
    }

    /** Queues the same event again, as a new delivery at the end of the endpoint's queue. */
    public Delivery resend(String projectId, String id, String deliveryId) {
        Delivery queued = db.write(tx -> {
            find(tx, projectId, id);
            Delivery original = deliveries.find(tx, id, deliveryId).orElseThrow(() -> deliveryNotFound(deliveryId));
            String now = Timestamps.now();
            Delivery copy = Delivery.queued(Ulid.next(), id, projectId, webhooks.reservePositions(tx, id, 1), original.seq(),
                    original.event(), original.payload(), now, original.id());
            deliveries.insert(tx, List.of(copy));
            webhooks.due(tx, id, now);
            return copy;
        });
        wakeDispatcher.run();
        return queued;
    }

    /** Sends a test event now, outside the queue, and logs it; the answer says how it went. */
    public Delivery test(String projectId, String id) {
        Webhook w = get(projectId, id);
        String now = Timestamps.now();
        String deliveryId = Ulid.next();
        String payload = Payloads.test(projectId, id, now);
        DeliveryOutcome outcome = sender.send(w.url(), secrets.open(w.sealedSecret()), deliveryId, Payloads.TEST_EVENT, payload);
        DeliveryAttempt a = DeliveryAttempt.of(deliveryId, Timestamps.now(), outcome);
        Delivery.Status status = outcome instanceof DeliveryOutcome.Delivered ? Delivery.Status.DELIVERED : Delivery.Status.FAILED;
        return db.write(tx -> {
            Delivery d = new Delivery(deliveryId, id, projectId, webhooks.reservePositions(tx, id, 1), null, Payloads.TEST_EVENT, payload,
                    status, 1, a.at(), a.at(), a.at(), a.responseStatus(), a.responseBody(), a.durationMs(), a.error(), null, now);
            deliveries.insert(tx, List.of(d));
            return d;
        });
    }

    /** Forgets finished deliveries older than the retention. */
    public int expireLog(String cutoff) {
        return db.write(tx -> deliveries.deleteFinishedBefore(tx, cutoff));
    }

    private void checkDestination(String url) {
        try {
            policy.check(URI.create(url));
        } catch (OutboundPolicy.Refused r) {
            throw WebhookSpec.invalid(List.of(new FieldError("url", "url_not_allowed", r.getMessage())));
        }
    }

    private void checkCollections(Tx tx, String projectId, List<String> ids) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        for (String c : ids) {
            if (collections.find(tx, projectId, c).isEmpty()) {
                errors.add(new FieldError("collections", "unknown_collection", "no collection '" + c + "' in this project"));
            }
        }
        if (!errors.isEmpty()) throw WebhookSpec.invalid(errors);
    }

    private Webhook find(Tx tx, String projectId, String id) throws SQLException {
        return webhooks.find(tx, projectId, id).orElseThrow(() -> notFound(id));
    }

    private static long parseCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) return Long.MAX_VALUE;
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new VellumException.BadRequest("invalid_cursor", "cursor is the next_cursor of a previous page");
        }
    }

    static VellumException notFound(String id) {
        return new VellumException.NotFound("webhook_not_found", "No webhook '" + id + "'");
    }

    private static VellumException deliveryNotFound(String id) {
        return new VellumException.NotFound("delivery_not_found", "No delivery '" + id + "' of this webhook");
    }
}
