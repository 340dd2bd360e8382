package dev.vellum.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.json.JsonInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An inbound hook as a client sends it; on PATCH only the keys present change. Schema checks come later. */
record InboundHookSpec(String collection, String upsertKey, ObjectNode mapping, String secret, SignatureScheme scheme,
                       String description, boolean descriptionSet) {
    private static final Set<String> KEYS = Set.of("collection", "upsert_key", "mapping", "secret", "signature", "description");
    static final int MIN_SECRET = 16;

    static InboundHookSpec parse(JsonNode body, boolean creating) {
        if (body == null || !body.isObject()) throw invalid(List.of(new FieldError("body", "type_mismatch", "must be a JSON object")));
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, errors).only(KEYS, "inbound hooks");
        String collection = in.text("collection");
        String upsertKey = in.text("upsert_key");
        JsonNode mapping = in.node("mapping");
        if (mapping != null && !mapping.isObject()) errors.add(new FieldError("mapping", "type_mismatch", "must be an object"));
        String secret = in.text("secret");
        if (secret != null && secret.length() < MIN_SECRET) {
            errors.add(new FieldError("secret", "too_short", "a signing secret has at least " + MIN_SECRET + " characters"));
        }
        String signature = in.text("signature");
        SignatureScheme scheme = null;
        if (signature != null) {
            scheme = SignatureScheme.parse(signature).orElse(null);
            if (scheme == null) errors.add(new FieldError("signature", "invalid_option", "signature is vellum or stripe"));
        }
        String description = in.text("description");
        if (creating) {
            if (collection == null) errors.add(new FieldError("collection", "required", "the collection to write entries to"));
            if (upsertKey == null) errors.add(new FieldError("upsert_key", "required", "slug, or the id of a field that identifies an entry"));
            if (mapping == null) errors.add(new FieldError("mapping", "required", "an object of target → JSON pointer or template"));
            if (scheme == SignatureScheme.STRIPE && secret == null) {
                errors.add(new FieldError("secret", "required", "give the endpoint's signing secret (whsec_…) from the Stripe dashboard"));
            }
        }
        if (!errors.isEmpty()) throw invalid(errors);
        return new InboundHookSpec(collection, upsertKey, mapping == null ? null : (ObjectNode) mapping, secret,
                scheme == null && creating ? SignatureScheme.VELLUM : scheme, description, in.has("description"));
    }

    static VellumException invalid(List<FieldError> errors) {
        return new VellumException.Invalid("invalid_inbound_hook", "The inbound hook is not valid", errors);
    }
}
