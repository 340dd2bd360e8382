package dev.vellum.sync;

/**
 * A Directus call that did not succeed, after retries where retrying made sense. {@code status} is the
 * HTTP status (0 when Directus could not be reached); {@code code} is Directus' {@code extensions.code}
 * where it sent one (e.g. {@code RECORD_NOT_UNIQUE}).
 */
public final class DirectusException extends RuntimeException {
    private final int status;
    private final String code;

    public DirectusException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean unreachable() {
        return status == 0;
    }

    /** Directus answers 401/403 for a wrong token (and 403 for a missing item: callers know which they asked). */
    public boolean denied() {
        return status == 401 || status == 403;
    }

    /** Worth trying again later: unreachable, rate limited, or a server error. */
    public boolean transientFailure() {
        return status == 0 || status == 429 || status >= 500;
    }
}
