package dev.vellum.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code /v1/projects/{p}/tokens}: issue, list, read, revoke, rotate. Needs an admin token. */
public final class TokensApi {
    private final Transport transport;
    private final String project;

    TokensApi(Transport transport, String project) {
        this.transport = transport;
        this.project = project;
    }

    /** A new token that never expires; its secret is in the answer, this once. Not retried (a repeat would issue two). */
    public IssuedToken issue(String name, Scope scope) {
        return issue(name, scope, null);
    }

    /** A new token valid until {@code expiresAt} (null: never expires). */
    public IssuedToken issue(String name, Scope scope, Instant expiresAt) {
        var body = Json.object().put("name", name).put("scope", scope.wire());
        if (expiresAt != null) body.put("expires_at", expiresAt.toString());
        return IssuedToken.from(transport.call(ApiRequest.post(ApiRequest.path("projects", project, "tokens"), body)));
    }

    /** Every token of the project, with {@code lastUsedAt}; never secrets. */
    public List<Token> list() {
        return Json.list(transport.call(ApiRequest.get(ApiRequest.path("projects", project, "tokens"))), "data", Token::from);
    }

    public Token get(String id) {
        return Token.from(transport.call(ApiRequest.get(ApiRequest.path("projects", project, "tokens", id))));
    }

    /** From now on the token answers 401. */
    public void revoke(String id) {
        transport.call(ApiRequest.delete(ApiRequest.path("projects", project, "tokens", id)));
    }

    /** A new secret; the old one stops working at once. */
    public IssuedToken rotate(String id) {
        return rotate(id, Duration.ZERO);
    }

    /** A new secret; the old one keeps working for {@code gracePeriod} (whole seconds). Not retried. */
    public IssuedToken rotate(String id, Duration gracePeriod) {
        var body = Json.object().put("grace_period_seconds", gracePeriod.toSeconds());
        return IssuedToken.from(transport.call(ApiRequest.post(ApiRequest.path("projects", project, "tokens", id, "rotate"), body)));
    }
}
