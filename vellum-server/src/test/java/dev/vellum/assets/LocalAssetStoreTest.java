package dev.vellum.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LocalAssetStoreTest extends AssetStoreContract {
    @Override
    protected AssetStore newStore() {
        return new LocalAssetStore(tmp.resolve("store"));
    }

    @Test
    void aPutLeavesNoTempFileAndKeysCannotEscapeTheRoot() throws IOException {
        Path src = Files.createTempFile(tmp, "x", ".bin");
        Files.write(src, new byte[] {1, 2, 3});
        store.put("p9/aa/key", src, "text/plain");
        try (Stream<Path> all = Files.walk(tmp.resolve("store"))) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).doesNotContain(".put-").allMatch(n -> !n.startsWith(".put-"));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.put("../escape", src, "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
