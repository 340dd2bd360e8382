package dev.vellum.testing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs payloads the way a sender does (Stripe, or another Vellum), independently of Vellum's own code. */
public final class Signing {
    private Signing() {}

    /** {@code t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>} */
    public static String header(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(String secret, String body) {
        return header(secret, System.currentTimeMillis() / 1000, body);
    }
}
