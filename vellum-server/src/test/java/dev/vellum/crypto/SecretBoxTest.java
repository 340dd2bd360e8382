package dev.vellum.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    private static final String KEY = dev.vellum.testing.TestKeys.SECRET_KEY;

    @Test
    void sealedSecretsOpenWithTheSameKeyAndDoNotShowThePlaintext(@TempDir Path dir) {
        SecretBox box = new SecretBox(Optional.of(KEY), dir);
        String sealed = box.seal("whsec_plain");
        assertThat(sealed).startsWith("v1:").doesNotContain("whsec_plain").isNotEqualTo(box.seal("whsec_plain"));
        assertThat(new SecretBox(Optional.of(KEY), dir).open(sealed)).isEqualTo("whsec_plain");
        assertThat(Files.exists(dir.resolve("secret.key"))).as("a configured key needs no key file").isFalse();
    }

    @Test
    void withoutAConfiguredKeyAKeyFileIsMadeOnceAndKept(@TempDir Path dir) {
        String sealed = new SecretBox(Optional.empty(), dir).seal("s3cret");
        assertThat(dir.resolve("secret.key")).exists();
        assertThat(new SecretBox(Optional.empty(), dir).open(sealed)).isEqualTo("s3cret");
    }

    @Test
    void anotherKeyIsNamedNotSilentlyWrong(@TempDir Path dir) {
        String sealed = new SecretBox(Optional.empty(), dir).seal("s3cret");
        assertThatThrownBy(() -> new SecretBox(Optional.of(KEY), dir).open(sealed)).hasMessageContaining("VELLUM_SECRET_KEY");
        assertThatThrownBy(() -> new SecretBox(Optional.of("c2hvcnQ="), dir)).hasMessageContaining("32 bytes");
    }
}
