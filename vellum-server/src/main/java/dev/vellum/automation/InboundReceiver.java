package dev.vellum.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.EntryService;
import dev.vellum.crypto.SecretBox;
import dev.vellum.crypto.SignatureHeader;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Receives third-party payloads at {@code /hooks/{id}}: verifies the signature, maps the payload to an
 * entry and upserts it through {@link EntryService} (so the change log records it), claiming the
 * event id in the same transaction so that a replay changes nothing. Every request to a known hook
 * is logged with its outcome, rejected ones with the reason.
 */
public final class InboundReceiver {
    private final Database db;
    private final SecretBox secrets;
    private final EntryService entries;
    private final InboundHookRepository hooks = new InboundHookRepository();

    public InboundReceiver(Database db, SecretBox secrets, EntryService entries) {
        this.db = db;
        this.secrets = secrets;
        this.entries = entries;
    }

    /** Handles a request to {@code /hooks/{hookId}}: verify, map, upsert, log. Errors are logged, then thrown. */
    public InboundResult receive(String hookId, InboundRequest request) {
        long started = System.nanoTime();
        InboundHook hook = db.read(tx -> hooks.find(tx, hookId)).orElseThrow(() -> InboundHookService.notFound(hookId));
        String eventId = null;
        try {
            verify(hook, request);
            JsonNode payload = InboundPayload.read(request);
            eventId = hook.scheme().eventId(request.headers(), payload);
            String claim = eventId;
            InboundResult result = claim != null && db.read(tx -> hooks.claimed(tx, hook.id(), claim))
                    ? duplicate(hook, claim)
                    : upsert(hook, payload, claim);
            record(hook, request, started, result.eventId(), 200, result.outcome(), null, null, result.entryId());
            return result;
        } catch (VellumException e) {
            record(hook, request, started, eventId, e.status(), "rejected", e.code(), detail(e), null);
            throw e;
        }
    }

    private InboundResult upsert(InboundHook hook, JsonNode payload, String eventId) {
        ObjectNode body = PayloadMapping.compile(hook.mapping()).entryBody(payload);
        try {
            EntryService.Upserted u = entries.upsert(hook.projectId(), hook.collection(), hook.upsertKey(), body, "inbound:" + hook.id(),
                    tx -> {
                        if (eventId != null && !hooks.claim(tx, hook.id(), eventId, Timestamps.now())) throw new Replayed();
                    });
            return new InboundResult(u.outcome().name().toLowerCase(java.util.Locale.ROOT), u.id(), eventId);
        } catch (Replayed concurrent) {
            return duplicate(hook, eventId);
        }
    }

    private InboundResult duplicate(InboundHook hook, String eventId) {
        return new InboundResult("duplicate", db.read(tx -> hooks.entryOf(tx, hook.id(), eventId)).orElse(null), eventId);
    }

    private void verify(InboundHook hook, InboundRequest request) {
        String header = request.headers().get(hook.scheme().header());
        SignatureHeader.Verdict verdict = SignatureHeader.verify(header, secrets.open(hook.sealedSecret()), request.body(), Instant.now(),
                SignatureScheme.TOLERANCE);
        String name = hook.scheme().header();
        switch (verdict) {
            case VALID -> { }
            case MISSING -> throw new VellumException.Unauthenticated("signature_missing", "Send the " + name + " header");
            case MALFORMED -> throw new VellumException.Unauthenticated("signature_malformed", name + " must read t=<unix time>,v1=<hex HMAC>");
            case MISMATCH -> throw new VellumException.Unauthenticated("signature_invalid",
                    "The " + name + " signature does not match the body and the hook's secret");
            case EXPIRED -> throw new VellumException.Unauthenticated("signature_expired", "The " + name + " timestamp is more than "
                    + SignatureScheme.TOLERANCE.toSeconds() + " s from now: a replay, or the sender's clock is off");
        }
    }

    private void record(InboundHook hook, InboundRequest request, long started, String eventId, int status, String outcome, String code,
                        String detail, String entryId) {
        byte[] body = request.body();
        String excerpt = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8);
        InboundLogEntry e = new InboundLogEntry(Ulid.next(), hook.id(), Timestamps.now(), eventId, status, outcome, code, detail, entryId,
                (System.nanoTime() - started) / 1_000_000, excerpt);
        db.write(tx -> {
            hooks.log(tx, e);
            return null;
        });
    }

    private static String detail(VellumException e) {
        if (e.errors().isEmpty()) return e.detail();
        return e.detail() + ": " + String.join("; ", e.errors().stream().map(f -> f.field() + " " + f.message()).toList());
    }

    /** Unwinds an upsert whose event id another request claimed first. */
    private static final class Replayed extends RuntimeException {
        Replayed() {
            super(null, null, false, false);
        }
    }
}
