package dev.vellum.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One body of store tests, run against every backend: the local disk and a real S3-compatible server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssetStoreContract {
    protected AssetStore store;
    protected Path tmp;

    protected abstract AssetStore newStore() throws IOException;

    @BeforeAll
    void open() throws IOException {
        tmp = Files.createTempDirectory("vellum-store-test-");
        store = newStore();
    }

    @AfterAll
    void close() throws IOException {
        store.close();
        try (var files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Path file(byte[] bytes) throws IOException {
        Path f = Files.createTempFile(tmp, "src-", ".bin");
        Files.write(f, bytes);
        return f;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void putThenReadWholeAndRanges() throws IOException {
        byte[] bytes = random(3 * 1024 * 1024 + 17, 1);
        Path source = file(bytes);
        store.put("p1/ab/abcdef", source, "application/octet-stream");
        assertThat(Files.exists(source)).as("the source file stays where it is").isTrue();
        assertThat(store.size("p1/ab/abcdef")).hasValue(bytes.length);
        assertThat(read(store.open("p1/ab/abcdef", 0, -1))).isEqualTo(bytes);
        assertThat(read(store.open("p1/ab/abcdef", 1000, 500))).isEqualTo(Arrays.copyOfRange(bytes, 1000, 1500));
        assertThat(read(store.open("p1/ab/abcdef", bytes.length - 10, -1))).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
    }

    @Test
    void aRepeatedPutOfTheSameKeyIsHarmless() throws IOException {
        byte[] bytes = random(1000, 2);
        store.put("p2/cd/same", file(bytes), "image/png");
        store.put("p2/cd/same", file(bytes), "image/png");
        assertThat(read(store.open("p2/cd/same", 0, -1))).isEqualTo(bytes);
    }

    @Test
    void missingKeysHaveNoSizeAndCannotBeOpened() {
        assertThat(assertDoesNotThrow(() -> store.size("p3/zz/missing"))).isEmpty();
        assertThatThrownBy(() -> read(store.open("p3/zz/missing", 0, -1))).isInstanceOf(IOException.class);
    }

    @Test
    void deleteAndDeletePrefix() throws IOException {
        store.put("p4/ef/one", file(random(10, 3)), "text/plain");
        store.put("p4/variants/sha/w100.jpeg", file(random(10, 4)), "image/jpeg");
        store.put("p4/variants/sha/w200.jpeg", file(random(10, 5)), "image/jpeg");
        store.put("p4/variants/other/w100.jpeg", file(random(10, 6)), "image/jpeg");
        store.delete("p4/ef/one");
        assertThat(store.size("p4/ef/one")).isEmpty();
        store.delete("p4/ef/one"); // deleting what is gone is fine
        store.deletePrefix("p4/variants/sha/");
        assertThat(store.size("p4/variants/sha/w100.jpeg")).isEmpty();
        assertThat(store.size("p4/variants/sha/w200.jpeg")).isEmpty();
        assertThat(store.size("p4/variants/other/w100.jpeg")).as("other prefixes stay").isPresent();
    }

    @Test
    void putConsumingStoresTheBytesAndRemovesTheSource() throws IOException {
        byte[] bytes = random(200_000, 7);
        Path source = file(bytes);
        store.putConsuming("p6/aa/consumed", source, "image/jpeg");
        assertThat(Files.exists(source)).isFalse();
        assertThat(read(store.open("p6/aa/consumed", 0, -1))).isEqualTo(bytes);
        Path again = file(bytes);
        store.putConsuming("p6/aa/consumed", again, "image/jpeg");
        assertThat(Files.exists(again)).isFalse();
        assertThat(read(store.open("p6/aa/consumed", 0, -1))).isEqualTo(bytes);
    }

    @Test
    void anEmptyObjectRoundTrips() throws IOException {
        store.put("p5/00/empty", file(new byte[0]), "text/plain");
        assertThat(store.size("p5/00/empty")).hasValue(0);
        assertThat(read(store.open("p5/00/empty", 0, -1))).isEmpty();
    }

    private static <T> T assertDoesNotThrow(ThrowingSupplier<T> s) {
        try {
            return s.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
