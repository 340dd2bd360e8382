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

    @Test
    void imagesInRichTextAreAssetReferences() throws Exception {
        Project p = project();
        String pages = "/v1/projects/" + p.id() + "/collections/pages/entries";
        assertThat(p.api().post("/v1/projects/" + p.id() + "/collections", Map.of("id", "pages", "fields", List.of(
                Map.of("id", "title", "type", "text"), Map.of("id", "body", "type", "rich_text")))).status()).isEqualTo(201);
        String image = p.upload(TestFiles.image("png", 64, 32, 5), "inline.png", "image/png");
        String url = p.raw().get(p.assets() + "/" + image).json().get("url").asText();

        // by id, in the document JSON
        Api.Response byId = p.api().post(pages, Map.of("fields", Map.of("title", "By id", "body", Map.of("type", "doc", "version", 1,
                "content", List.of(Map.of("type", "image", "attrs", Map.of("asset", image, "alt", "")))))));
        assertThat(byId.status()).as(byId.toString()).isEqualTo(201);
        JsonNode attrs = byId.json().at("/fields/body/content/0/attrs");
        assertThat(attrs.get("asset").asText()).isEqualTo(image);
        assertThat(attrs.get("src").asText()).isEqualTo(url);
        assertThat(attrs.get("width").asInt()).isEqualTo(64);
        assertThat(attrs.get("content_type").asText()).isEqualTo("image/png");
        String first = byId.json().get("id").asText();
        // by its URL, in HTML (what an editor sends back): stored as the id, the resize parameters kept
        Api.Response byUrl = p.api().post(pages, Map.of("fields", Map.of("title", "By URL",
                "body", Map.of("html", "<p>Look:</p><img src=\"" + url + "?w=20\" alt=\"small\">"))));
        assertThat(byUrl.status()).as(byUrl.toString()).isEqualTo(201);
        JsonNode second = byUrl.json().at("/fields/body/content/1/attrs");
        assertThat(second.get("asset").asText()).isEqualTo(image);
        assertThat(second.get("variant").asText()).isEqualTo("w=20");
        assertThat(second.get("src").asText()).isEqualTo(url + "?w=20");
        String secondId = byUrl.json().get("id").asText();

        String stored = server.vellum().services().database().read(tx -> tx.one(
                "SELECT CAST(f_body AS TEXT) FROM " + server.vellum().services().collections().get(p.id(), "pages").table() + " WHERE id = ?",
                rs -> rs.getString(1), secondId)).orElseThrow();
        assertThat(stored).contains(image).doesNotContain("/assets/");
        String html = p.api().get(pages + "/" + first + "?rich_text=html").json().at("/fields/body/html").asText();
        assertThat(html).contains("src=\"" + url + "\"");
        assertThat(p.api().get(pages + "/" + secondId + "?rich_text=markdown").json().at("/fields/body/markdown").asText())
                .contains(url + "?w=20");
        JsonNode listed = p.api().get(pages + "?sort=title").json().get("data"); // "By URL" sorts before "By id" (byte order)
        assertThat(listed.get(0).at("/fields/body/content/1/attrs/src").asText()).isEqualTo(url + "?w=20");
        assertThat(listed.get(1).at("/fields/body/content/0/attrs/src").asText()).isEqualTo(url);
        assertThat(p.api().get(pages + "?sort=title&rich_text=html").json().at("/data/0/fields/body/html").asText())
                .contains(url + "?w=20");

        JsonNode gql = p.api().post("/v1/projects/" + p.id() + "/graphql", Map.of("query",
                "{ pages(sort: \"title\") { data { title body(format: html) } } }")).json();
        assertThat(gql.at("/data/pages/data/1/body").asText()).as(gql.toString()).contains("src=\"" + url + "\"");

        // a read written back changes nothing
        Api.Response same = p.api().patch(pages + "/" + first, Map.of("fields", Map.of("body", byId.json().at("/fields/body"))));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().get("version").asLong()).isEqualTo(1);

        Api.Response unknown = p.api().post(pages, Map.of("fields", Map.of("body", Map.of("type", "doc", "version", 1,
                "content", List.of(Map.of("type", "image", "attrs", Map.of("asset", "01NOSUCHASSET0000000000000")))))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("fields.body");
        assertThat(unknown.json().at("/errors/0/code").asText()).isEqualTo("asset_not_found");

        // a file linked from rich text is used by its URL
        String pdf = p.upload(PDF, "brochure.pdf", "application/pdf");
        String pdfUrl = p.raw().get(p.assets() + "/" + pdf).json().get("url").asText();
        String linking = p.api().post(pages, Map.of("fields", Map.of("title", "Links", "body",
                Map.of("html", "<p>See <a href=\"" + pdfUrl + "\">the brochure</a>.</p>")))).json().get("id").asText();
        String unused = p.upload(TestFiles.image("png", 8, 8, 6), "unused.png", "image/png");

        RawHttp.Response refused = p.raw().send("DELETE", p.assets() + "/" + image, java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errors").toString()).contains("pages/" + first + "/body").contains("pages/" + secondId + "/body");
        RawHttp.Response linked = p.raw().send("DELETE", p.assets() + "/" + pdf, java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(linked.status()).isEqualTo(409);
        assertThat(linked.json().get("errors").toString()).contains("pages/" + linking + "/body");
        RawHttp.Response purge = p.raw().post(p.assets() + "/purge", "{\"older_than_days\": 0}".getBytes(), "application/json");
        assertThat(purge.json().get("count").asInt()).as("purge keeps assets used in rich text, by id or by URL").isEqualTo(1);
        assertThat(purge.json().toString()).contains(unused).doesNotContain(image).doesNotContain(pdf);

        assertThat(p.raw().send("DELETE", p.assets() + "/" + image + "?force=true", java.net.http.HttpRequest.BodyPublishers.noBody()).status())
                .isEqualTo(204);
        JsonNode gone = p.api().get(pages + "/" + first).json().at("/fields/body/content/0/attrs");
        assertThat(gone.get("asset").asText()).isEqualTo(image);
        assertThat(gone.get("missing").asBoolean()).isTrue();
        assertThat(gone.get("src").isNull()).isTrue();
        assertThat(p.api().get(pages + "/" + first + "?rich_text=html").json().at("/fields/body/html").asText())
                .contains("data-asset=\"" + image + "\"").doesNotContain("src=");
    }
}
