package dev.vellum.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignatureHeaderTest {
    private static final byte[] BODY = "{\"kind\":\"entry.created\"}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void aSignatureVerifiesWithItsSecretOnly() {
        Instant now = Instant.ofEpochSecond(1_763_712_000);
        String header = SignatureHeader.sign("secret-one-0123456789", now, BODY);
        assertThat(header).isEqualTo("t=1763712000,v1=" + SignatureHeader.hmacHex("secret-one-0123456789", 1_763_712_000, BODY));
        assertThat(SignatureHeader.verify(header, "secret-one-0123456789", BODY, now.plusSeconds(10), TOLERANCE))
                .isEqualTo(SignatureHeader.Verdict.VALID);
        assertThat(SignatureHeader.verify(header, "secret-two-0123456789", BODY, now, TOLERANCE)).isEqualTo(SignatureHeader.Verdict.MISMATCH);
        assertThat(SignatureHeader.verify(header, "secret-one-0123456789", "{}".getBytes(StandardCharsets.UTF_8), now, TOLERANCE))
                .isEqualTo(SignatureHeader.Verdict.MISMATCH);
    }

    @Test
    void oldAndFutureTimestampsExpire() {
        Instant then = Instant.ofEpochSecond(1_763_712_000);
        String header = SignatureHeader.sign("s", then, BODY);
        assertThat(SignatureHeader.verify(header, "s", BODY, then.plusSeconds(301), TOLERANCE)).isEqualTo(SignatureHeader.Verdict.EXPIRED);
        assertThat(SignatureHeader.verify(header, "s", BODY, then.minusSeconds(301), TOLERANCE)).isEqualTo(SignatureHeader.Verdict.EXPIRED);
        assertThat(SignatureHeader.verify(header, "s", BODY, then.plusSeconds(300), TOLERANCE)).isEqualTo(SignatureHeader.Verdict.VALID);
    }

    @Test
    void anyOfSeveralV1SignaturesMayMatchAndMalformedHeadersAreSaidSo() {
        Instant now = Instant.now();
        String good = SignatureHeader.sign("new-secret", now, BODY);
        String rolled = "t=" + now.getEpochSecond() + ",v1=" + "0".repeat(64) + "," + good.substring(good.indexOf("v1="));
        assertThat(SignatureHeader.verify(rolled, "new-secret", BODY, now, TOLERANCE)).isEqualTo(SignatureHeader.Verdict.VALID);
        assertThat(SignatureHeader.verify(null, "s", BODY, now, TOLERANCE)).isEqualTo(SignatureHeader.Verdict.MISSING);
        assertThat(SignatureHeader.verify("v1=abc", "s", BODY, now, TOLERANCE)).isEqualTo(SignatureHeader.Verdict.MALFORMED);
        assertThat(SignatureHeader.verify("t=soon,v1=abc", "s", BODY, now, TOLERANCE)).isEqualTo(SignatureHeader.Verdict.MALFORMED);
        assertThat(SignatureHeader.newSecret()).startsWith("whsec_").isNotEqualTo(SignatureHeader.newSecret());
    }
}
