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
 * identical bytes uploaded on the other are the same asset, and a delete on one is gone on both.
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
