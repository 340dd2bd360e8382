package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Backend;
import dev.vellum.testing.RawHttp;
import dev.vellum.testing.S3Proxy;
import dev.vellum.testing.TestFiles;
import dev.vellum.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database and one S3 bucket (a real S3Proxy), each with a data directory of its
 * own: what one uploads the other lists and serves (bytes, byte ranges, variants made once for both),
 * identical bytes uploaded on the other are the same asset, and a delete on one is gone on both. And an export
 * taken from one node restores through the other, asset bytes included.
 */
class SharedBucketAssetTest {

    @Test
    void twoNodesShareAssetsThroughTheDatabaseAndTheBucket(@TempDir Path dir) throws Exception {
        S3Proxy s3 = S3Proxy.get();
        String bucket = s3.newBucket();
        try (Backend pg = Backend.postgres();
             TestServer a = new TestServer(pg, node(s3, bucket, dir.resolve("a")));
             TestServer b = new TestServer(pg, node(s3, bucket, dir.resolve("b")))) {
            a.admin().post("/v1/projects", Map.of("id", "shared"));
            String token = a.admin().post("/v1/projects/shared/tokens", Map.of("name", "t", "scope", "admin")).json().get("token").asText();
            RawHttp onA = new RawHttp(a.base(), token);
            RawHttp onB = new RawHttp(b.base(), token);

            byte[] jpeg = TestFiles.image("jpeg", 600, 400, 9);
            byte[] mp3 = TestFiles.mp3(200_000, 4);
            RawHttp.Response photo = onA.post("/v1/projects/shared/assets?filename=photo.jpg", jpeg, "image/jpeg");
            RawHttp.Response sound = onA.post("/v1/projects/shared/assets?filename=sound.mp3", mp3, "audio/mpeg");
            assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
            assertThat(sound.status()).as(sound.toString()).isEqualTo(201);
            String photoId = photo.json().get("id").asText();
            String photoUrl = photo.json().get("url").asText();
            String soundUrl = sound.json().get("url").asText();

            JsonNode listed = onB.get("/v1/projects/shared/assets").json().get("data");
            assertThat(listed).hasSize(2);
            assertThat(onB.get("/v1/projects/shared/assets/" + photoId).json().get("url").asText()).isEqualTo(photoUrl);
            RawHttp.Response whole = onB.get(photoUrl);
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(jpeg);
            RawHttp.Response part = onB.get(soundUrl, "Range", "bytes=1000-1999");
            assertThat(part.status()).isEqualTo(206);
            assertThat(part.header("Content-Range")).isEqualTo("bytes 1000-1999/200000");
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(mp3, 1000, 2000));

            RawHttp.Response madeOnB = onB.get(photoUrl + "?w=120");
            assertThat(madeOnB.status()).as(madeOnB.toString()).isEqualTo(200);
            assertThat(TestFiles.size(madeOnB.body())).containsExactly(120, 80);
            RawHttp.Response servedOnA = onA.get(photoUrl + "?w=120");
            assertThat(servedOnA.status()).isEqualTo(200);
            assertThat(servedOnA.header("ETag")).isEqualTo(madeOnB.header("ETag"));
            assertThat(servedOnA.body()).as("A serves the variant B stored").isEqualTo(madeOnB.body());
            RawHttp.Response variantRange = onA.get(photoUrl + "?w=120", "Range", "bytes=0-9");
            assertThat(variantRange.status()).isEqualTo(206);
            assertThat(variantRange.body()).isEqualTo(Arrays.copyOfRange(madeOnB.body(), 0, 10));
            long variants = a.vellum().services().database().read(tx -> tx.count("SELECT COUNT(*) FROM asset_variants WHERE project_id = 'shared'"));
            assertThat(variants).isEqualTo(1);

            List<String> keys = objects(s3, bucket);
            assertThat(keys).anyMatch(k -> k.startsWith("nodes/shared/") && k.endsWith(photo.json().get("sha256").asText()));
            assertThat(keys).anyMatch(k -> k.startsWith("nodes/shared/variants/"));
            try (var files = Files.walk(dir)) {
                assertThat(files.filter(Files::isRegularFile).map(Path::getFileName).map(Path::toString))
                        .as("no asset bytes on either node's disk").noneMatch(n -> n.equals(photo.json().get("sha256").asText()));
            }

            RawHttp.Response again = onB.post("/v1/projects/shared/assets?filename=copy.jpg", jpeg, "image/jpeg");
            assertThat(again.status()).as("the same bytes on the other node are the same asset").isEqualTo(200);
            assertThat(again.json().get("id").asText()).isEqualTo(photoId);

            assertThat(onB.send("DELETE", "/v1/projects/shared/assets/" + photoId, java.net.http.HttpRequest.BodyPublishers.noBody()).status())
                    .isEqualTo(204);
            assertThat(onA.get("/v1/projects/shared/assets/" + photoId).status()).isEqualTo(404);
            assertThat(onA.get(photoUrl).status()).isEqualTo(404);
            assertThat(objects(s3, bucket)).noneMatch(k -> k.endsWith(photo.json().get("sha256").asText()) || k.contains("/variants/"));
        }
    }

    @Test
    void anExportFromOneNodeRestoresThroughTheOtherWithItsAssets(@TempDir Path dir) throws Exception {
        S3Proxy s3 = S3Proxy.get();
        String bucket = s3.newBucket();
        try (Backend pg = Backend.postgres();
             TestServer a = new TestServer(pg, node(s3, bucket, dir.resolve("a")));
             TestServer b = new TestServer(pg, node(s3, bucket, dir.resolve("b")))) {
            a.admin().post("/v1/projects", Map.of("id", "orig"));
            a.admin().post("/v1/projects", Map.of("id", "copy"));
            RawHttp onA = new RawHttp(a.base(), Backend.ADMIN_TOKEN);
            RawHttp onB = new RawHttp(b.base(), Backend.ADMIN_TOKEN);
            assertThat(a.admin().post("/v1/projects/orig/collections", Map.of("id", "posts", "fields", List.of(
                    Map.of("id", "cover", "type", "image"), Map.of("id", "body", "type", "rich_text")))).status()).isEqualTo(201);
            byte[] png = TestFiles.image("png", 30, 20, 11);
            String asset = onA.post("/v1/projects/orig/assets?filename=cover.png", png, "image/png").json().get("id").asText();
            assertThat(a.admin().post("/v1/projects/orig/collections/posts/entries", Map.of("fields", Map.of("cover", Map.of("asset", asset),
                    "body", Map.of("type", "doc", "version", 1, "content", List.of(Map.of("type", "image", "attrs", Map.of("asset", asset)))))))
                    .status()).isEqualTo(201);

            RawHttp.Response exported = onA.get("/v1/projects/orig/export");
            assertThat(exported.status()).isEqualTo(200);
            RawHttp.Response restored = onB.post("/v1/projects/copy/restore", exported.body(), "application/zip");
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
            assertThat(restored.json().get("assets").asInt()).isEqualTo(1);
            JsonNode copied = onB.get("/v1/projects/copy/assets/" + asset).json();
            assertThat(copied.get("sha256").asText()).isEqualTo(onA.get("/v1/projects/orig/assets/" + asset).json().get("sha256").asText());
            assertThat(onA.get(copied.get("url").asText()).body()).as("the copy's bytes, from the bucket").isEqualTo(png);
            JsonNode entry = onB.get("/v1/projects/copy/collections/posts/entries").json().at("/data/0/fields");
            assertThat(entry.at("/cover/url").asText()).isEqualTo(copied.get("url").asText());
            assertThat(entry.at("/body/content/0/attrs/src").asText()).isEqualTo(copied.get("url").asText());

            Map<String, byte[]> left = members(exported.body());
            Map<String, byte[]> right = members(onB.get("/v1/projects/copy/export").body());
            assertThat(right.keySet()).containsExactlyElementsOf(left.keySet());
            for (String name : left.keySet()) {
                if (!name.equals("manifest.json")) assertThat(right.get(name)).as(name).isEqualTo(left.get(name));
            }
        }
    }

    private static Map<String, byte[]> members(byte[] zip) throws java.io.IOException {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    private static Map<String, String> node(S3Proxy s3, String bucket, Path dataDir) {
        Map<String, String> settings = new HashMap<>(s3.settings(bucket, "nodes/"));
        settings.put("VELLUM_DATA_DIR", dataDir.toString());
        return settings;
    }

    private static List<String> objects(S3Proxy s3, String bucket) {
        try (var client = s3.client()) {
            return client.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(o -> o.key()).toList();
        }
    }
}
