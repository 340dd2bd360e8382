package dev.vellum.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.testing.Api;
import dev.vellum.testing.RawHttp;
import dev.vellum.testing.TestFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** image and file fields that use uploaded assets: stored as ids, read with url and metadata, guarded against dangling. */
abstract class AssetFieldScenarios extends ServerScenarios {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    private record Project(String id, Api api, RawHttp raw) {
        String entries() {
            return "/v1/projects/" + id + "/collections/posts/entries";
        }

        String assets() {
            return "/v1/projects/" + id + "/assets";
        }

        String upload(byte[] bytes, String name, String type) {
            RawHttp.Response r = raw.post(assets() + "?filename=" + name, bytes, type);
            assertThat(r.status()).as(r.toString()).isIn(200, 201);
            return r.json().get("id").asText();
        }
    }

    private Project project() {
        String p = "fields-" + Long.toHexString(System.nanoTime());
        Api api = server.project(p, "admin");
        String token = server.admin().post("/v1/projects/" + p + "/tokens", Map.of("name", "w", "scope", "admin")).json().get("token").asText();
        Api.Response c = api.post("/v1/projects/" + p + "/collections", Map.of("id", "posts", "fields", List.of(
                Map.of("id", "title", "type", "text"), Map.of("id", "cover", "type", "image"), Map.of("id", "doc", "type", "file"),
                Map.of("id", "gallery", "type", "array", "of", Map.of("type", "image")))));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        return new Project(p, api, new RawHttp(server.base(), token));
    }

    @Test
    void fieldsTakeAssetsAndReadsRenderTheirUrlAndMetadata() {
        Project p = project();
        String image = p.upload(TestFiles.image("png", 64, 32, 1), "cover.png", "image/png");
        String pdf = p.upload(PDF, "terms.pdf", "application/pdf");
        Api.Response created = p.api().post(p.entries(), Map.of("fields", Map.of("title", "Hello",
                "cover", Map.of("asset", image, "alt", "Entry alt"), "doc", Map.of("asset", pdf),
                "gallery", List.of(Map.of("asset", image), "https://example.org/a.png"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode cover = created.json().at("/fields/cover");
        assertThat(cover.get("asset").asText()).isEqualTo(image);
        assertThat(cover.get("url").asText()).contains("/assets/" + p.id() + "/").endsWith("/cover.png");
        assertThat(cover.get("width").asInt()).isEqualTo(64);
        assertThat(cover.get("alt").asText()).as("the entry's own alt wins").isEqualTo("Entry alt");
        assertThat(created.json().at("/fields/doc/content_type").asText()).isEqualTo("application/pdf");
        assertThat(created.json().at("/fields/gallery/0/url").asText()).isEqualTo(cover.get("url").asText());
        assertThat(created.json().at("/fields/gallery/1/url").asText()).isEqualTo("https://example.org/a.png");

        String id = created.json().get("id").asText();
        JsonNode got = p.api().get(p.entries() + "/" + id).json();
        assertThat(got.at("/fields/cover")).isEqualTo(cover);
        JsonNode listed = p.api().get(p.entries()).json().at("/data/0/fields/doc");
        assertThat(listed.get("filename").asText()).isEqualTo("terms.pdf");
        assertThat(listed.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(new RawHttp(server.base(), null).get(java.net.URI.create("http://x" + cover.get("url").asText()).getRawPath()).status())
                .isEqualTo(200);
    }

    @Test
    void unknownAssetsAndAmbiguousValuesAreRefused() {
        Project p = project();
        Api.Response unknown = p.api().post(p.entries(), Map.of("fields", Map.of("cover", Map.of("asset", "01NOSUCHASSET0000000000000"))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("fields.cover");
        assertThat(unknown.json().at("/errors/0/code").asText()).isEqualTo("asset_not_found");
        Project other = project();
        String elsewhere = other.upload(TestFiles.image("png", 4, 4, 2), "x.png", "image/png");
        assertThat(p.api().post(p.entries(), Map.of("fields", Map.of("gallery", List.of(Map.of("asset", elsewhere))))).status())
                .as("another project's asset is not this project's").isEqualTo(422);
        Api.Response both = p.api().post(p.entries(), Map.of("fields", Map.of("cover", Map.of("asset", elsewhere, "url", "https://x.org/a.png"))));
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.json().at("/errors/0/code").asText()).isEqualTo("ambiguous");
    }

    @Test
    void anAssetInUseIsNotDeletedWithoutForceAndThenReadsAsMissing() {
        Project p = project();
        String image = p.upload(TestFiles.image("png", 8, 8, 3), "used.png", "image/png");
        String entry = p.api().post(p.entries(), Map.of("fields", Map.of("gallery", List.of(Map.of("asset", image))))).json().get("id").asText();

        RawHttp.Response refused = p.raw().send("DELETE", p.assets() + "/" + image, java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("asset_in_use");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("posts/" + entry + "/gallery");
        RawHttp.Response purge = p.raw().post(p.assets() + "/purge", "{\"older_than_days\": 0}".getBytes(), "application/json");
        assertThat(purge.json().get("count").asInt()).as("purge keeps assets in use").isZero();
        assertThat(p.raw().get(p.assets() + "/" + image).status()).isEqualTo(200);

        RawHttp.Response forced = p.raw().send("DELETE", p.assets() + "/" + image + "?force=true", java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(forced.status()).isEqualTo(204);
        JsonNode item = p.api().get(p.entries() + "/" + entry).json().at("/fields/gallery/0");
        assertThat(item.get("asset").asText()).isEqualTo(image);
        assertThat(item.get("missing").asBoolean()).isTrue();
        assertThat(item.get("url").isNull()).isTrue();

        p.api().patch(p.entries() + "/" + entry, Map.of("fields", Map.of("gallery", List.of())));
        String unused = p.upload(TestFiles.image("png", 8, 8, 4), "unused.png", "image/png");
        assertThat(p.raw().send("DELETE", p.assets() + "/" + unused, java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
    }
}
