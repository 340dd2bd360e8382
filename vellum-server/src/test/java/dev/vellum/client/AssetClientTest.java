package dev.vellum.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testing.Backend;
import dev.vellum.testing.TestFiles;
import dev.vellum.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java client's assets API against a real server: upload from disk, de-duplication, listing, changes, download, delete, purge. */
class AssetClientTest {
    @Test
    void assetsThroughTheClient() throws IOException {
        Path dir = Files.createTempDirectory("vellum-client-assets-");
        Path png = Files.write(dir.resolve("cover.png"), TestFiles.image("png", 50, 40, 1));
        Path txt = Files.writeString(dir.resolve("notes.txt"), "hello");
        try (Backend backend = Backend.sqlite(); TestServer server = new TestServer(backend);
             VellumClient client = VellumClient.builder().baseUrl(server.base()).token(Backend.ADMIN_TOKEN).build()) {
            client.projects().create("client-assets", null);
            AssetsApi assets = client.assets("client-assets");
            Asset a = assets.upload(png, "cover.png", "Cover", null);
            assertThat(a.created()).isTrue();
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.width()).isEqualTo(50);
            assertThat(a.alt()).isEqualTo("Cover");
            Asset again = assets.upload(png);
            assertThat(again.created()).isFalse();
            assertThat(again.id()).isEqualTo(a.id());
            Asset notes = assets.upload(txt);

            assertThat(assets.stream(null, null).map(Asset::id)).containsExactly(notes.id(), a.id());
            assertThat(assets.page("image/*", null, 10, null).data()).extracting(Asset::id).containsExactly(a.id());
            assertThat(assets.update(a.id(), null, "Title").title()).isEqualTo("Title");
            assertThat(assets.get(a.id()).alt()).isEqualTo("Cover");

            Path copy = assets.download(a.id(), dir.resolve("copy.png"));
            assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(png));

            assets.delete(notes.id(), false);
            assertThatThrownBy(() -> assets.get(notes.id())).isInstanceOf(VellumApiException.class);
            List<Asset> wouldGo = assets.purge(0, true);
            assertThat(wouldGo).extracting(Asset::id).containsExactly(a.id());
            assertThat(assets.stream(null, null)).hasSize(1);
            assertThat(assets.purge(0, false)).hasSize(1);
            assertThat(assets.stream(null, null)).isEmpty();
            assertThatThrownBy(() -> assets.uploadFromUrl("http://127.0.0.1:9/x.png", null, null))
                    .isInstanceOf(VellumApiException.class).hasMessageContaining("VELLUM_OUTBOUND_ALLOWLIST");
        }
    }
}
