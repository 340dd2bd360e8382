package dev.vellum.importers.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vellum.importers.ImportFailed;
import dev.vellum.importers.wordpress.WxrRecord.Author;
import dev.vellum.importers.wordpress.WxrRecord.Item;
import dev.vellum.importers.wordpress.WxrRecord.Taxonomy;
import dev.vellum.importers.wordpress.WxrRecord.Term;
import dev.vellum.outbound.OutboundPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A live WordPress site through its REST API ({@code /wp-json/wp/v2}), paged by {@code X-WP-TotalPages}.
 * With an application password (HTTP Basic, checked first against {@code /users/me}) drafts, private
 * and scheduled posts come too, with their raw block markup ({@code context=edit}). A re-run asks only
 * for posts modified after the last complete run ({@code modified_after}, sent in UTC with {@code Z}).
 */
public final class WordPressRest implements WordPressSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_PAGE = 100;
    private static final int ATTEMPTS = 3;

    private final String base;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<Long, String> userSlugs = new HashMap<>();
    private final Map<Long, String> categorySlugs = new HashMap<>();
    private final Map<Long, String> tagSlugs = new HashMap<>();
    private String modifiedAfter;
    private Instant newest;
    private final Instant started = Instant.now();

    /** {@code user}/{@code appPassword} may be null: then only public content is read. */
    public WordPressRest(String url, String user, String appPassword, OutboundPolicy policy, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new ImportFailed("invalid_source", "source.url is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new ImportFailed("invalid_source", "source.url must be an http or https URL");
        }
        try {
            policy.check(uri);
        } catch (OutboundPolicy.Refused e) {
            throw new ImportFailed("source_refused", e.getMessage());
        }
        this.base = uri.toString();
        this.authorization = user == null || appPassword == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + appPassword.replace(" ", "")).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A wrong application password is an error here, not a silently public-only import. */
    @Override
    public void prepare() {
        if (authorization == null) return;
        HttpResponse<String> r = send("/wp/v2/users/me?context=edit");
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new ImportFailed("source_auth_failed", "WordPress at " + base + " refused the application password (" + r.statusCode()
                    + " " + JSON_code(r.body()) + "); check source.user and source.app_password");
        }
        if (r.statusCode() != 200) throw new ImportFailed("source_unavailable", "WordPress at " + base + " answered " + r.statusCode() + " to /wp/v2/users/me");
    }

    /** Only posts modified after this instant are read (the end of the last complete run), or all when null. */
    @Override
    public void since(String syncedTo) {
        this.modifiedAfter = syncedTo;
    }

    /** Where the next run starts: a second before the newest modification seen (WordPress compares whole seconds, strictly). */
    @Override
    public String syncedTo() {
        return newest == null ? modifiedAfter : newest.minusSeconds(1).toString();
    }

    @Override
    public String fallbackKey() {
        return base;
    }

    @Override
    public void index(Consumer<WxrRecord> sink) {
        sink.accept(new WxrRecord.Site(base));
        for (JsonNode u : all("/wp/v2/users", authorization == null ? "" : "&context=edit")) {
            String slug = u.path("slug").asText();
            userSlugs.put(u.path("id").asLong(), slug);
            sink.accept(new Author(slug, text(u, "email"), text(u, "name"), text(u, "first_name"), text(u, "last_name")));
        }
        List<JsonNode> categories = all("/wp/v2/categories", "");
        categories.forEach(c -> categorySlugs.put(c.path("id").asLong(), c.path("slug").asText()));
        for (JsonNode c : categories) {
            long parent = c.path("parent").asLong();
            sink.accept(new Term(Taxonomy.CATEGORY, c.path("id").asLong(), c.path("slug").asText(), c.path("name").asText(),
                    parent == 0 ? null : categorySlugs.get(parent), blank(c.path("description").asText())));
        }
        for (JsonNode t : all("/wp/v2/tags", "")) {
            tagSlugs.put(t.path("id").asLong(), t.path("slug").asText());
            sink.accept(new Term(Taxonomy.TAG, t.path("id").asLong(), t.path("slug").asText(), t.path("name").asText(), null,
                    blank(t.path("description").asText())));
        }
        for (JsonNode m : all("/wp/v2/media", "&_fields=id,source_url,alt_text,title,date_gmt,modified_gmt,slug,link")) {
            sink.accept(new Item(m.path("id").asLong(), "attachment", m.path("title").path("rendered").asText(), m.path("slug").asText(),
                    text(m, "link"), "inherit", "", "", null, null, null, 0, 0, null, false, 0, null, List.of(), List.of(), Map.of(), null,
                    text(m, "source_url"), text(m, "alt_text")));
        }
        String fields = "&_fields=id,type,slug,link,parent,status,title,date_gmt,modified_gmt,menu_order";
        for (String type : List.of("posts", "pages")) {
            for (JsonNode p : all("/wp/v2/" + type, statusParam() + fields)) sink.accept(item(p, false));
        }
    }

    @Override
    public void content(Consumer<Item> sink) {
        String since = modifiedAfter == null ? "" : "&modified_after=" + URLEncoder.encode(modifiedAfter, StandardCharsets.UTF_8);
        String context = authorization == null ? "" : "&context=edit";
        for (String type : List.of("posts", "pages")) {
            forEachPage("/wp/v2/" + type, statusParam() + context + since + "&_embed=wp:featuredmedia,author,wp:term", page -> {
                for (JsonNode p : page) {
                    Item i = item(p, true);
                    // a scheduled post's modified time is its future date: it must not move the start of the next run past now
                    if (i.modified() != null && !i.modified().isAfter(started) && (newest == null || i.modified().isAfter(newest))) newest = i.modified();
                    sink.accept(i);
                }
            });
        }
    }

    private String statusParam() {
        return authorization == null ? "" : "&status=publish,future,draft,pending,private";
    }

    private Item item(JsonNode p, boolean withContent) {
        String type = p.path("type").asText("post");
        String content = withContent ? raw(p.path("content")) : "";
        String excerpt = withContent ? stripTags(raw(p.path("excerpt"))) : "";
        List<String> categories = new ArrayList<>();
        p.path("categories").forEach(id -> {
            String slug = categorySlugs.get(id.asLong());
            if (slug != null) categories.add(slug);
        });
        List<String> tags = new ArrayList<>();
        p.path("tags").forEach(id -> {
            String slug = tagSlugs.get(id.asLong());
            if (slug != null) tags.add(slug);
        });
        Map<String, String> custom = new LinkedHashMap<>();
        p.path("meta").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_") && !e.getValue().isNull() && !(e.getValue().isArray() && e.getValue().isEmpty())) {
                custom.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
            }
        });
        long featured = p.path("featured_media").asLong();
        String password = blank(p.path("password").asText(""));
        JsonNode replies = p.path("_embedded").path("replies");
        int comments = replies.isArray() && !replies.isEmpty() ? replies.get(0).size() : 0;
        return new Item(p.path("id").asLong(), type, stripTags(raw(p.path("title"))), p.path("slug").asText(""), text(p, "link"),
                p.path("status").asText("publish"), content, excerpt, userSlugs.get(p.path("author").asLong()), date(p, "date_gmt"),
                date(p, "modified_gmt"), p.path("parent").asLong(), p.path("menu_order").asInt(), password, p.path("sticky").asBoolean(false),
                comments, blank(p.path("format").asText("")), categories, tags, custom, featured == 0 ? null : featured, null, null);
    }

    /** {@code raw} (context=edit: what the editor saved, block comments included), else {@code rendered}. */
    private static String raw(JsonNode n) {
        if (n.has("raw")) return n.path("raw").asText("");
        return n.path("rendered").asText("");
    }

    private List<JsonNode> all(String route, String params) {
        List<JsonNode> out = new ArrayList<>();
        forEachPage(route, params, page -> page.forEach(out::add));
        return out;
    }

    private void forEachPage(String route, String params, Consumer<JsonNode> pageSink) {
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            HttpResponse<String> r = send(route + "?per_page=" + PER_PAGE + "&page=" + page + params);
            if (r.statusCode() == 400 && page > 1) return; // the site shrank while we paged
            if (r.statusCode() != 200) {
                throw new ImportFailed("source_unavailable", "WordPress at " + base + " answered " + r.statusCode() + " " + JSON_code(r.body())
                        + " to GET " + route);
            }
            pages = (int) r.headers().firstValueAsLong("X-WP-TotalPages").orElse(1);
            try {
                pageSink.accept(JSON.readTree(r.body()));
            } catch (IOException e) {
                throw new ImportFailed("source_unavailable", "WordPress at " + base + " sent something that is not JSON for GET " + route);
            }
        }
    }

    private HttpResponse<String> send(String routeAndQuery) {
        String url = base + "/wp-json" + routeAndQuery;
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
            if (authorization != null) b.header("Authorization", authorization);
            try {
                HttpResponse<String> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 500 && attempt < ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                return r;
            } catch (IOException e) {
                last = e;
                if (attempt < ATTEMPTS) pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportFailed("interrupted", "the import was interrupted");
            }
        }
        throw new ImportFailed("source_unavailable", "WordPress at " + base + " stopped answering (GET " + routeAndQuery.split("\\?")[0] + ": "
                + (last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage()) + "); what was imported so far is kept, run the import again", last);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String JSON_code(String body) {
        try {
            return JSON.readTree(body).path("code").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static Instant date(JsonNode p, String field) {
        String s = p.path(field).asText("");
        if (s.isEmpty()) return null;
        try {
            return Instant.parse(s.endsWith("Z") ? s : s + "Z");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String stripTags(String html) {
        return org.jsoup.parser.Parser.unescapeEntities(html.replaceAll("<[^>]+>", ""), false).strip();
    }
}
