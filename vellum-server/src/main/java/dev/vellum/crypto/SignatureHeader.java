package dev.vellum.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A timestamped HMAC signature header, {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}.
 * Vellum's {@code Vellum-Signature} and Stripe's {@code Stripe-Signature} share this form; a header may
 * carry several {@code v1} values (while a secret is being rolled) and any one of them may match.
 */
public record SignatureHeader(long timestamp, List<String> signatures) {

    /** What checking a header found. */
    public enum Verdict { VALID, MISSING, MALFORMED, MISMATCH, EXPIRED }

    public SignatureHeader {
        signatures = List.copyOf(signatures);
    }

    /** A new random signing secret (256 bits), for when the client does not bring its own. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return "whsec_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value that signs {@code body} at {@code at} with {@code secret}. */
    public static String sign(String secret, Instant at, byte[] body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmacHex(secret, t, body);
    }

    /** Checks a received header: the signature must match and the timestamp lie within {@code tolerance} of {@code now}. */
    public static Verdict verify(String header, String secret, byte[] body, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) return Verdict.MISSING;
        SignatureHeader parsed = parse(header);
        if (parsed == null) return Verdict.MALFORMED;
        byte[] expected = hmacHex(secret, parsed.timestamp(), body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String s : parsed.signatures()) {
            match |= MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII));
        }
        if (!match) return Verdict.MISMATCH;
        return Math.abs(now.getEpochSecond() - parsed.timestamp()) > tolerance.toSeconds() ? Verdict.EXPIRED : Verdict.VALID;
    }

    /** The parsed header, or null when it has no timestamp or no {@code v1} signature. */
    public static SignatureHeader parse(String header) {
        Long t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                try {
                    t = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return null;
                }
            } else if (key.equals("v1")) {
                v1.add(value.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return t == null || v1.isEmpty() ? null : new SignatureHeader(t, v1);
    }

    static String hmacHex(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
