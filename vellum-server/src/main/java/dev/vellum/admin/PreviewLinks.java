package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.storage.Database;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Preview links: per collection, a URL template such as {@code https://site.example.com/blog/{slug}};
 * {@code {slug}}, {@code {id}} and {@code {<field id>}} are replaced by the entry's (URL-encoded) values.
 * Kept in the admin's own table; the API does not use them.
 */
final class PreviewLinks {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]{0,62})}");
    private final Database db;

    PreviewLinks(Database db) {
        this.db = db;
    }

    Optional<String> template(String projectId, String collectionId) {
        return db.read(tx -> tx.one("SELECT template FROM admin_preview_urls WHERE project_id = ? AND collection_id = ?",
                rs -> rs.getString(1), projectId, collectionId));
    }

    /** Sets (or, with a blank template, removes) a collection's template; 422 unless it is an absolute http(s) URL. */
    void set(String projectId, String collectionId, String template) {
        if (template == null || template.isBlank()) {
            db.write(tx -> tx.update("DELETE FROM admin_preview_urls WHERE project_id = ? AND collection_id = ?", projectId, collectionId));
            return;
        }
        String t = template.strip();
        String probe = PLACEHOLDER.matcher(t).replaceAll("x");
        boolean ok;
        try {
            URI u = URI.create(probe);
            ok = ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null && t.length() <= 1000;
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            throw new VellumException.Invalid("invalid_preview_url", "The preview URL is not valid", List.of(new FieldError("preview_url",
                    "invalid_url", "an absolute http(s) URL, with {slug}, {id} or {field} where the entry's values go")));
        }
        db.write(tx -> {
            tx.update("DELETE FROM admin_preview_urls WHERE project_id = ? AND collection_id = ?", projectId, collectionId);
            return tx.update("INSERT INTO admin_preview_urls (project_id, collection_id, template) VALUES (?, ?, ?)", projectId, collectionId, t);
        });
    }

    /** The template filled in with an entry's values (missing values become empty). */
    static String fill(String template, JsonNode entry) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            JsonNode v = key.equals("slug") || key.equals("id") ? entry.get(key) : entry.path("fields").get(key);
            String s = v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
