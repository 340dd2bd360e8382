package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.RawHttp;
import dev.vellum.testing.TestFiles;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Image variants as a client meets them: dimensions per fit, formats, caching, limits, bombs, EXIF orientation. */
abstract class AssetVariantScenarios extends ServerScenarios {
    static final int CAP = 6;

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_ASSET_VARIANTS_PER_ASSET", Integer.toString(CAP), "VELLUM_ASSET_VARIANT_MAX_DIMENSION", "2000");
    }

    /** Uploads and answers the asset's URL path. */
    private static String upload(RawHttp client, byte[] bytes, String filename, String type) {
        RawHttp.Response r = client.post("/v1/projects/" + projectOf(client) + "/assets?filename=" + filename, bytes, type);
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        return java.net.URI.create("http://x" + r.json().get("url").asText()).getRawPath();
    }

    private static final Map<RawHttp, String> PROJECTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String projectOf(RawHttp client) {
        return PROJECTS.get(client);
    }

    private RawHttp project() {
        String p = "variants-" + Long.toHexString(System.nanoTime());
        server.project(p, "admin");
        String token = server.admin().post("/v1/projects/" + p + "/tokens", Map.of("name", "w", "scope", "write")).json().get("token").asText();
        RawHttp client = new RawHttp(server.base(), token);
        PROJECTS.put(client, p);
        return client;
    }

    private RawHttp.Response variant(String url, String query) {
        return new RawHttp(server.base(), null).get(url + "?" + query);
    }

    @Test
    void variantsHaveTheDimensionsTheirFitAsksFor() {
        RawHttp client = project();
        String url = upload(client, TestFiles.image("jpeg", 400, 300, 1), "photo.jpg", "image/jpeg");
        assertSize(variant(url, "w=100"), "image/jpeg", 100, 75);
        assertSize(variant(url, "h=60"), "image/jpeg", 80, 60);
        assertSize(variant(url, "w=100&h=100"), "image/jpeg", 100, 75);
        assertSize(variant(url, "w=100&h=100&fit=cover"), "image/jpeg", 100, 100);
        RawHttp.Response contain = variant(url, "w=100&h=100&fit=contain&format=png");
        assertSize(contain, "image/png", 100, 100);
        assertThat(TestFiles.pixel(contain.body(), 50, 2)).as("contain pads outside the image").isEqualTo(0);
        assertSize(variant(url, "w=1000"), "image/jpeg", 400, 300); // never enlarged
    }

    @Test
    void qualityAndFormatChangeTheBytes() {
        RawHttp client = project();
        String url = upload(client, TestFiles.image("png", 300, 200, 2), "art.png", "image/png");
        RawHttp.Response png = variant(url, "w=150");
        assertSize(png, "image/png", 150, 100);
        RawHttp.Response low = variant(url, "w=150&format=jpeg&q=10");
        RawHttp.Response high = variant(url, "w=150&format=jpeg&q=95");
        assertSize(low, "image/jpeg", 150, 100);
        assertThat(low.body().length).isLessThan(high.body().length);
        assertThat(low.header("Content-Disposition")).contains("art.jpeg");
    }

    @Test
    void webpVariantsAreWrittenWithTheBundledEncoder() {
        RawHttp client = project();
        String url = upload(client, TestFiles.image("jpeg", 300, 200, 9), "web.jpg", "image/jpeg");
        RawHttp.Response webp = variant(url, "w=120&format=webp&q=60");
        assertThat(webp.status()).as(webp.toString()).isEqualTo(200);
        assertThat(webp.header("Content-Type")).isEqualTo("image/webp");
        byte[] b = webp.body();
        assertThat(new String(b, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("RIFF");
        assertThat(new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("WEBP");
        assertThat(TestFiles.size(b)).containsExactly(120, 80);
    }

    @Test
    void aVariantIsMadeOnceThenServedFromTheStore() {
        RawHttp client = project();
        String url = upload(client, TestFiles.image("jpeg", 320, 240, 3), "cached.jpg", "image/jpeg");
        double hits = counter("hit");
        double misses = counter("miss");
        RawHttp.Response first = variant(url, "w=64");
        RawHttp.Response second = variant(url, "w=64&fit=inside&q=82");
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag")).isNotEqualTo(new RawHttp(server.base(), null).get(url).header("ETag"));
        assertThat(second.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(counter("miss") - misses).as("made once").isEqualTo(1);
        assertThat(counter("hit") - hits).as("then found").isEqualTo(1);
        assertThat(variant(url, "w=64", "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
        RawHttp.Response range = variant(url, "w=64", "Range", "bytes=0-1");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.body()).containsExactly(0xFF - 256, 0xD8 - 256);
    }

    private RawHttp.Response variant(String url, String query, String header, String value) {
        return new RawHttp(server.base(), null).get(url + "?" + query, header, value);
    }

    @Test
    void variantRequestsAreCheckedAndCapped() {
        RawHttp client = project();
        String url = upload(client, TestFiles.image("jpeg", 200, 100, 4), "limits.jpg", "image/jpeg");
        RawHttp.Response bad = variant(url, "w=3000&fit=sideways&format=gif&q=0");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("w", "fit", "format", "q");
        assertThat(variant(url, "w=10&fit=cover").json().at("/errors/0/field").asText()).isEqualTo("h");
        for (int w = 1; w <= CAP; w++) assertThat(variant(url, "w=" + (10 * w)).status()).isEqualTo(200);
        RawHttp.Response over = variant(url, "w=99");
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().get("code").asText()).isEqualTo("too_many_variants");
        assertThat(variant(url, "w=10").status()).as("existing variants are still served").isEqualTo(200);

        String mp3 = upload(client, TestFiles.mp3(1000, 5), "a.mp3", "audio/mpeg");
        assertThat(variant(mp3, "w=10").json().get("code").asText()).isEqualTo("not_resizable");
        String svg = upload(client, TestFiles.svg(), "a.svg", "image/svg+xml");
        assertThat(variant(svg, "w=10").json().get("code").asText()).isEqualTo("not_resizable");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
        RawHttp client = project();
        byte[] bomb = TestFiles.bombPng(10_000, 10_000);
        assertThat(bomb.length).as("small on disk").isLessThan(1_000_000);
        RawHttp.Response up = client.post("/v1/projects/" + projectOf(client) + "/assets?filename=bomb.png", bomb, "image/png");
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        assertThat(up.json().get("width").asInt()).as("dimensions come from the header").isEqualTo(10_000);
        String url = java.net.URI.create("http://x" + up.json().get("url").asText()).getRawPath();
        RawHttp.Response refused = variant(url, "w=100");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("image_too_large");
        assertThat(new RawHttp(server.base(), null).get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void exifOrientationIsAppliedToDimensionsAndVariants() {
        RawHttp client = project();
        byte[] sideways = TestFiles.withExifOrientation(TestFiles.image("jpeg", 40, 20, 6), 6);
        RawHttp.Response up = client.post("/v1/projects/" + projectOf(client) + "/assets?filename=portrait.jpg", sideways, "image/jpeg");
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        assertThat(up.json().get("width").asInt()).isEqualTo(20);
        assertThat(up.json().get("height").asInt()).isEqualTo(40);
        String url = java.net.URI.create("http://x" + up.json().get("url").asText()).getRawPath();
        assertSize(variant(url, "w=10"), "image/jpeg", 10, 20);
    }

    private static void assertSize(RawHttp.Response r, String type, int width, int height) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo(type);
        assertThat(TestFiles.size(r.body())).containsExactly(width, height);
    }

    private double counter(String result) {
        String metrics = new String(new RawHttp(server.base(), dev.vellum.testing.Backend.ADMIN_TOKEN).get("/metrics").body()); // /metrics asks for a token (issue 14)
        Matcher m = Pattern.compile("vellum_assets_variants_total\\{result=\"" + result + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
