package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.vellum.testing.Api;
import dev.vellum.testing.RawHttp;
import dev.vellum.testing.TestFiles;
import dev.vellum.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every asset route as a client meets it: uploads in three forms, sniffing, limits, de-duplication, serving, settings, events. */
abstract class AssetScenarios extends ServerScenarios {
    static final long LIMIT = 2 * 1024 * 1024;
    private HttpServer files;

    @Override
    protected Map<String, String> settings() {
        return Map.of("VELLUM_ASSET_MAX_BYTES", Long.toString(LIMIT));
    }

    /** A plain HTTP server on loopback serving a PNG, and a redirect loop, for uploads from a URL. */
    @BeforeAll
    void startFileServer() throws IOException {
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] png = TestFiles.image("png", 40, 30, 77);
        files.createContext("/photo.png", ex -> {
            ex.getResponseHeaders().add("Content-Type", "image/png");
            ex.sendResponseHeaders(200, png.length);
            ex.getResponseBody().write(png);
            ex.close();
        });
        files.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/photo.png");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        files.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        files.start();
    }

    @AfterAll
    void stopFileServer() {
        if (files != null) files.stop(0);
    }

    /** A fresh project: its id, and raw clients holding an admin, a write and a read token. */
    record Project(String id, RawHttp admin, RawHttp write, RawHttp read, Api api) {
        String assets() {
            return "/v1/projects/" + id + "/assets";
        }
    }

    Project project() {
        String p = "assets-" + Long.toHexString(System.nanoTime());
        Api api = server.project(p, "admin");
        RawHttp raw = new RawHttp(server.base(), null);
        return new Project(p, raw.as(token(p, "admin")), raw.as(token(p, "write")), raw.as(token(p, "read")), api);
    }

    private String token(String project, String scope) {
        return server.admin().post("/v1/projects/" + project + "/tokens", Map.of("name", scope, "scope", scope)).json().get("token").asText();
    }

    private static String path(String url) {
        return url.startsWith("http") ? java.net.URI.create(url).getRawPath() : url;
    }

    // --- uploading ------------------------------------------------------------------------------

    @Test
    void multipartUploadStoresTheFileWithItsMetadata() {
        Project p = project();
        byte[] png = TestFiles.image("png", 64, 48, 1);
        RawHttp.Response r = p.write().upload(p.assets(), "photo.png", "image/png", png, Map.of("alt", "A photo", "title", "Holiday"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode a = r.json();
        assertThat(a.get("content_type").asText()).isEqualTo("image/png");
        assertThat(a.get("size").asLong()).isEqualTo(png.length);
        assertThat(a.get("sha256").asText()).isEqualTo(sha256(png));
        assertThat(a.get("width").asInt()).isEqualTo(64);
        assertThat(a.get("height").asInt()).isEqualTo(48);
        assertThat(a.get("alt").asText()).isEqualTo("A photo");
        assertThat(a.get("title").asText()).isEqualTo("Holiday");
        assertThat(a.get("filename").asText()).isEqualTo("photo.png");
        assertThat(a.get("url").asText()).contains("/assets/" + p.id() + "/").endsWith("/photo.png");
        assertThat(r.header("Location")).isEqualTo(p.assets() + "/" + a.get("id").asText());

        RawHttp.Response got = p.read().get(p.assets() + "/" + a.get("id").asText());
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(a);

        RawHttp.Response served = new RawHttp(server.base(), null).get(path(a.get("url").asText()));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.header("ETag")).isEqualTo("\"" + sha256(png) + "\"");
        assertThat(served.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.header("Content-Disposition")).startsWith("inline");
    }

    @Test
    void fieldsSentAfterTheFilePartStillApply() {
        Project p = project();
        String boundary = "b0undary";
        byte[] body = RawHttp.multipart(boundary, "late.png", "image/png", TestFiles.image("png", 8, 8, 2), Map.of("alt", "Late alt"), false);
        RawHttp.Response r = p.write().send("POST", p.assets(), java.net.http.HttpRequest.BodyPublishers.ofByteArray(body),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("alt").asText()).isEqualTo("Late alt");
    }

    @Test
    void rawBodyUploadTakesTheNameFromTheQuery() {
        Project p = project();
        byte[] jpeg = TestFiles.image("jpeg", 30, 20, 3);
        RawHttp.Response r = p.write().post(p.assets() + "?filename=cover.jpg&alt=Cover", jpeg, "image/jpeg");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("filename").asText()).isEqualTo("cover.jpg");
        assertThat(r.json().get("content_type").asText()).isEqualTo("image/jpeg");
        assertThat(r.json().get("alt").asText()).isEqualTo("Cover");
        assertThat(r.json().get("width").asInt()).isEqualTo(30);
    }

    @Test
    void identicalBytesAreStoredOnce() {
        Project p = project();
        byte[] png = TestFiles.image("png", 20, 20, 4);
        RawHttp.Response first = p.write().post(p.assets() + "?filename=a.png", png, "image/png");
        RawHttp.Response again = p.write().upload(p.assets(), "b.png", "image/png", png, Map.of());
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(p.read().get(p.assets()).json().get("data")).hasSize(1);

        Project other = project();
        RawHttp.Response elsewhere = other.write().post(other.assets() + "?filename=a.png", png, "image/png");
        assertThat(elsewhere.status()).as("de-duplication is per project").isEqualTo(201);
        assertThat(elsewhere.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
    }

    @Test
    void theTypeIsSniffedFromTheBytesNotTakenFromTheClient() {
        Project p = project();
        RawHttp.Response png = p.write().upload(p.assets(), "setup.exe", "application/x-msdownload", TestFiles.image("png", 5, 5, 5), Map.of());
        assertThat(png.status()).as(png.toString()).isEqualTo(201);
        assertThat(png.json().get("content_type").asText()).isEqualTo("image/png");

        RawHttp.Response html = p.write().upload(p.assets(), "cat.jpg", "image/jpeg", TestFiles.html(), Map.of());
        assertThat(html.status()).as(html.toString()).isEqualTo(415);
        assertThat(html.header("Content-Type")).startsWith("application/problem+json");
        assertThat(html.json().get("detail").asText()).contains("text/html");

        RawHttp.Response exe = p.write().post(p.assets() + "?filename=photo.jpg", "MZ\u0090\u0000binary".getBytes(), "image/jpeg");
        assertThat(exe.status()).isEqualTo(415);
        assertThat(p.read().get(p.assets()).json().get("data")).as("nothing refused was stored").hasSize(1);
    }

    @Test
    void svgIsOnlyEverServedAsASandboxedAttachment() {
        Project p = project();
        RawHttp.Response r = p.write().upload(p.assets(), "logo.svg", "image/svg+xml", TestFiles.svg(), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("content_type").asText()).isEqualTo("image/svg+xml");
        RawHttp.Response served = new RawHttp(server.base(), null).get(path(r.json().get("url").asText()));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Disposition")).startsWith("attachment");
        assertThat(served.header("Content-Security-Policy")).contains("sandbox");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void anOversizedStreamedBodyIs413AndLeavesNothingBehind() throws IOException {
        Project p = project();
        Path dataDir = server.vellum().services().config().dataDir();
        long before = countFiles(dataDir);
        byte[] big = TestFiles.mp3((int) LIMIT + 512 * 1024, 6);
        RawHttp.Response chunked = p.write().postStreamed(p.assets() + "?filename=big.mp3", () -> new ByteArrayInputStream(big), "audio/mpeg");
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
        assertThat(chunked.json().get("code").asText()).isEqualTo("payload_too_large");
        RawHttp.Response declared = p.write().post(p.assets() + "?filename=big.mp3", big, "audio/mpeg");
        assertThat(declared.status()).isEqualTo(413);
        RawHttp.Response multipart = p.write().upload(p.assets(), "big.mp3", "audio/mpeg", big, Map.of());
        assertThat(multipart.status()).isEqualTo(413);
        assertThat(p.read().get(p.assets()).json().get("data")).isEmpty();
        assertThat(countFiles(dataDir)).as("no temp file or stored object left").isEqualTo(before);

        RawHttp.Response fits = p.write().postStreamed(p.assets() + "?filename=ok.mp3",
                () -> new ByteArrayInputStream(Arrays.copyOf(big, (int) LIMIT)), "audio/mpeg");
        assertThat(fits.status()).as("exactly the limit is accepted").isEqualTo(201);
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(f -> !f.toString().contains("vellum.db")).count();
        }
    }

    @Test
    void malformedUploadsAreRefusedWithAProblem() {
        Project p = project();
        RawHttp.Response noFile = p.write().send("POST", p.assets(),
                java.net.http.HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nhi\r\n--x--\r\n"),
                "Content-Type", "multipart/form-data; boundary=x");
        assertThat(noFile.status()).isEqualTo(422);
        assertThat(noFile.json().at("/errors/0/field").asText()).isEqualTo("file");
        RawHttp.Response cut = p.write().send("POST", p.assets(),
                java.net.http.HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello"),
                "Content-Type", "multipart/form-data; boundary=x");
        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.json().get("code").asText()).isEqualTo("malformed_multipart");
        assertThat(p.read().get(p.assets()).json().get("data")).isEmpty();
    }

    // --- upload from a URL ----------------------------------------------------------------------

    @Test
    void uploadFromALoopbackUrlIsRefusedUnlessAllowListed() {
        Project p = project();
        String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/photo.png";
        RawHttp.Response refused = p.write().post(p.assets(), ("{\"url\": \"" + url + "\"}").getBytes(), "application/json");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("url");
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("url_not_allowed");

        try (TestServer allowed = new TestServer(backend, Map.of("VELLUM_OUTBOUND_ALLOWLIST", "127.0.0.1", "VELLUM_ASSET_FETCH_MAX_REDIRECTS", "3"))) {
            RawHttp raw = new RawHttp(allowed.base(), token(p.id(), "write"));
            RawHttp.Response fetched = raw.post(p.assets(), ("{\"url\": \"" + url.replace("/photo.png", "/moved") + "\", \"alt\": \"From the web\"}")
                    .getBytes(), "application/json");
            assertThat(fetched.status()).as(fetched.toString()).isEqualTo(201);
            assertThat(fetched.json().get("filename").asText()).isEqualTo("photo.png");
            assertThat(fetched.json().get("width").asInt()).isEqualTo(40);
            assertThat(fetched.json().get("alt").asText()).isEqualTo("From the web");
            RawHttp.Response loop = raw.post(p.assets(), ("{\"url\": \"" + url.replace("/photo.png", "/loop") + "\"}").getBytes(), "application/json");
            assertThat(loop.status()).isEqualTo(422);
            assertThat(loop.json().at("/errors/0/code").asText()).isEqualTo("too_many_redirects");
        }
    }

    // --- serving --------------------------------------------------------------------------------

    @Test
    void rangesHeadAndConditionalRequests() {
        Project p = project();
        byte[] mp3 = TestFiles.mp3(100_000, 7);
        RawHttp.Response up = p.write().post(p.assets() + "?filename=song.mp3", mp3, "audio/mpeg");
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        assertThat(up.json().get("content_type").asText()).isEqualTo("audio/mpeg");
        String url = path(up.json().get("url").asText());
        RawHttp anon = new RawHttp(server.base(), null);

        RawHttp.Response part = anon.get(url, "Range", "bytes=1000-1999");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 1000-1999/100000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(mp3, 1000, 2000));

        RawHttp.Response tail = anon.get(url, "Range", "bytes=-10");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(mp3, 99_990, 100_000));
        RawHttp.Response open = anon.get(url, "Range", "bytes=99000-");
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(mp3, 99_000, 100_000));

        RawHttp.Response outside = anon.get(url, "Range", "bytes=200000-");
        assertThat(outside.status()).isEqualTo(416);
        assertThat(outside.header("Content-Range")).isEqualTo("bytes */100000");

        RawHttp.Response head = anon.head(url);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("100000");
        assertThat(head.body()).isEmpty();

        String etag = anon.get(url).header("ETag");
        assertThat(anon.get(url, "If-None-Match", etag).status()).isEqualTo(304);
        RawHttp.Response staleIfRange = anon.get(url, "Range", "bytes=0-9", "If-Range", "\"other\"");
        assertThat(staleIfRange.status()).as("a stale If-Range gets the whole file").isEqualTo(200);
        assertThat(staleIfRange.body()).hasSize(100_000);

        RawHttp.Response viaApi = p.read().get(p.assets() + "/" + up.json().get("id").asText() + "/content", "Range", "bytes=0-2");
        assertThat(viaApi.status()).isEqualTo(206);
        assertThat(new String(viaApi.body())).isEqualTo("ID3");
        assertThat(viaApi.header("Cache-Control")).startsWith("private");
    }

    @Test
    void privateProjectsNeedAReadTokenForAssetUrls() {
        Project p = project();
        RawHttp.Response up = p.write().upload(p.assets(), "secret.png", "image/png", TestFiles.image("png", 4, 4, 8), Map.of());
        String url = path(up.json().get("url").asText());
        RawHttp anon = new RawHttp(server.base(), null);
        assertThat(anon.get(url).status()).isEqualTo(200);
        assertThat(p.read().get("/v1/projects/" + p.id() + "/asset-settings").json().get("public").asBoolean()).isTrue();

        assertThat(p.write().send("PUT", "/v1/projects/" + p.id() + "/asset-settings",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"public\": false}"), "Content-Type", "application/json").status())
                .as("changing the setting needs admin").isEqualTo(403);
        RawHttp.Response set = p.admin().send("PUT", "/v1/projects/" + p.id() + "/asset-settings",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"public\": false}"), "Content-Type", "application/json");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);

        assertThat(anon.get(url).status()).isEqualTo(401);
        RawHttp.Response withToken = p.read().get(url);
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.header("Cache-Control")).startsWith("private");
        Project other = project();
        assertThat(other.read().get(url).status()).as("another project's token sees nothing").isEqualTo(404);
        assertThat(anon.get(url.replaceAll("/assets/([^/]+)/[0-9a-f]+/", "/assets/$1/00000000000000000000000000000000/")).status())
                .isEqualTo(401);
    }

    @Test
    void unknownAssetsAndGuessedKeysAre404() {
        Project p = project();
        assertThat(p.read().get(p.assets() + "/01ARZ3NDEKTSV4RRFFQ69G5FAV").status()).isEqualTo(404);
        RawHttp.Response guessed = new RawHttp(server.base(), null).get("/assets/" + p.id() + "/0123456789abcdef0123456789abcdef/x.png");
        assertThat(guessed.status()).isEqualTo(404);
        assertThat(guessed.json().get("code").asText()).isEqualTo("asset_not_found");
    }

    // --- listing, changing, deleting ------------------------------------------------------------

    @Test
    void listPagesNewestFirstAndFilters() {
        Project p = project();
        for (int i = 0; i < 3; i++) p.write().post(p.assets() + "?filename=photo-" + i + ".png", TestFiles.image("png", 4, 4, 100 + i), "image/png");
        p.write().post(p.assets() + "?filename=notes.txt", "just text".getBytes(), "text/plain");
        RawHttp.Response first = p.read().get(p.assets() + "?limit=3");
        assertThat(first.json().get("data")).hasSize(3);
        assertThat(first.json().get("data").get(0).get("filename").asText()).isEqualTo("notes.txt");
        String cursor = first.json().get("next_cursor").asText();
        RawHttp.Response second = p.read().get(p.assets() + "?limit=3&cursor=" + cursor);
        assertThat(second.json().get("data")).hasSize(1);
        assertThat(second.json().get("data").get(0).get("filename").asText()).isEqualTo("photo-0.png");
        assertThat(second.json().get("next_cursor").isNull()).isTrue();

        assertThat(p.read().get(p.assets() + "?type=image/*").json().get("data")).hasSize(3);
        assertThat(p.read().get(p.assets() + "?type=text/plain").json().get("data")).hasSize(1);
        assertThat(p.read().get(p.assets() + "?filename=PHOTO-1").json().get("data").findValuesAsText("filename")).containsExactly("photo-1.png");
        assertThat(p.read().get(p.assets() + "?cursor=nonsense").status()).isEqualTo(400);
    }

    @Test
    void altAndTitleChangeAndNothingElse() {
        Project p = project();
        String id = p.write().post(p.assets() + "?filename=a.png", TestFiles.image("png", 4, 4, 9), "image/png").json().get("id").asText();
        RawHttp.Response changed = p.write().send("PATCH", p.assets() + "/" + id,
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"alt\": \"New alt\", \"title\": \"T\"}"), "Content-Type", "application/json");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("alt").asText()).isEqualTo("New alt");
        RawHttp.Response cleared = p.write().send("PATCH", p.assets() + "/" + id,
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\": null}"), "Content-Type", "application/json");
        assertThat(cleared.json().get("title").isNull()).isTrue();
        assertThat(cleared.json().get("alt").asText()).isEqualTo("New alt");
        RawHttp.Response bad = p.write().send("PATCH", p.assets() + "/" + id,
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"size\": 1, \"alt\": 5}"), "Content-Type", "application/json");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("size", "alt");
        assertThat(p.read().send("PATCH", p.assets() + "/" + id,
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"alt\": \"x\"}"), "Content-Type", "application/json").status()).isEqualTo(403);
    }

    @Test
    void deletingRemovesTheAssetAndItsBytes() {
        Project p = project();
        RawHttp.Response up = p.write().post(p.assets() + "?filename=a.png", TestFiles.image("png", 4, 4, 10), "image/png");
        String id = up.json().get("id").asText();
        assertThat(p.read().send("DELETE", p.assets() + "/" + id, java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(403);
        assertThat(p.write().send("DELETE", p.assets() + "/" + id, java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
        assertThat(p.read().get(p.assets() + "/" + id).status()).isEqualTo(404);
        assertThat(new RawHttp(server.base(), null).get(path(up.json().get("url").asText())).status()).isEqualTo(404);
        RawHttp.Response again = p.write().post(p.assets() + "?filename=a.png", TestFiles.image("png", 4, 4, 10), "image/png");
        assertThat(again.status()).as("the same bytes can come back as a new asset").isEqualTo(201);
        assertThat(new RawHttp(server.base(), null).get(path(again.json().get("url").asText())).status()).isEqualTo(200);
    }

    @Test
    void purgeRemovesOldUnusedAssets() {
        Project p = project();
        p.write().post(p.assets() + "?filename=a.png", TestFiles.image("png", 4, 4, 11), "image/png");
        p.write().post(p.assets() + "?filename=b.png", TestFiles.image("png", 4, 4, 12), "image/png");
        RawHttp.Response recent = p.admin().post(p.assets() + "/purge", "{\"older_than_days\": 1}".getBytes(), "application/json");
        assertThat(recent.status()).as(recent.toString()).isEqualTo(200);
        assertThat(recent.json().get("count").asInt()).isZero();
        RawHttp.Response dry = p.admin().post(p.assets() + "/purge", "{\"older_than_days\": 0, \"dry_run\": true}".getBytes(), "application/json");
        assertThat(dry.json().get("count").asInt()).isEqualTo(2);
        assertThat(p.read().get(p.assets()).json().get("data")).hasSize(2);
        RawHttp.Response purged = p.admin().post(p.assets() + "/purge", "{\"older_than_days\": 0}".getBytes(), "application/json");
        assertThat(purged.json().get("count").asInt()).isEqualTo(2);
        assertThat(p.read().get(p.assets()).json().get("data")).isEmpty();
        assertThat(p.write().post(p.assets() + "/purge", "{\"older_than_days\": 0}".getBytes(), "application/json").status()).isEqualTo(403);
        assertThat(p.admin().post(p.assets() + "/purge", "{}".getBytes(), "application/json").status()).isEqualTo(422);
    }

    // --- scopes and events ----------------------------------------------------------------------

    @Test
    void scopesAndProjectsAreEnforced() {
        Project p = project();
        RawHttp.Response read = p.read().post(p.assets() + "?filename=a.png", TestFiles.image("png", 4, 4, 13), "image/png");
        assertThat(read.status()).isEqualTo(403);
        Project other = project();
        assertThat(other.write().post(p.assets() + "?filename=a.png", TestFiles.image("png", 4, 4, 13), "image/png").status()).isEqualTo(404);
        assertThat(new RawHttp(server.base(), null).get(p.assets()).status()).isEqualTo(401);
    }

    @Test
    void changesAreLoggedAsAssetEvents() {
        Project p = project();
        String id = p.write().post(p.assets() + "?filename=a.png", TestFiles.image("png", 4, 4, 14), "image/png").json().get("id").asText();
        p.write().post(p.assets() + "?filename=again.png", TestFiles.image("png", 4, 4, 14), "image/png");
        p.write().send("PATCH", p.assets() + "/" + id, java.net.http.HttpRequest.BodyPublishers.ofString("{\"alt\": \"x\"}"), "Content-Type", "application/json");
        p.write().send("DELETE", p.assets() + "/" + id, java.net.http.HttpRequest.BodyPublishers.noBody());
        JsonNode log = p.read().get("/v1/projects/" + p.id() + "/changes").json().get("data");
        assertThat(log.findValuesAsText("kind")).containsExactly("asset.created", "asset.updated", "asset.deleted");
        assertThat(log.get(1).at("/data/id").asText()).isEqualTo(id);
        assertThat(log.get(1).at("/data/alt").asText()).isEqualTo("x");
    }

    static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> ids(JsonNode data) {
        return data.findValuesAsText("id");
    }

    static InputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
