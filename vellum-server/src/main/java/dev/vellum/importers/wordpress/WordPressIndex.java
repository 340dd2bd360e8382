package dev.vellum.importers.wordpress;

import dev.vellum.importers.wordpress.WxrRecord.Author;
import dev.vellum.importers.wordpress.WxrRecord.Item;
import dev.vellum.importers.wordpress.WxrRecord.Taxonomy;
import dev.vellum.importers.wordpress.WxrRecord.Term;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything about a site except its post bodies, gathered in a first pass: authors, terms,
 * attachments, and each post's and page's slug, link and parent, so the second pass can resolve
 * references, featured images and internal links in one go. Small even for large sites.
 */
public final class WordPressIndex {
    /** A post or page as the second pass needs to know it before reaching it. */
    public record Content(long id, String type, String slug, String link, long parentId) {}

    /** A media item: its file URL and alt text. */
    public record Attachment(long id, String url, String alt, String title) {}

    final Map<String, Author> authors = new LinkedHashMap<>();
    final List<Term> categories = new ArrayList<>();
    final List<Term> tags = new ArrayList<>();
    final Map<Long, Attachment> attachments = new HashMap<>();
    final Map<Long, Content> contents = new HashMap<>();
    /** Original permalink (no trailing slash) → post or page id, for internal link rewriting. */
    final Map<String, Long> byLink = new HashMap<>();
    String site;
    private final Map<String, Set<String>> slugsTaken = new HashMap<>();

    public void add(WxrRecord r) {
        switch (r) {
            case WxrRecord.Site s -> site = s.baseUrl();
            case Author a -> authors.putIfAbsent(a.login(), a);
            case Term t -> (t.taxonomy() == Taxonomy.CATEGORY ? categories : tags).add(t);
            case Item i -> addItem(i);
        }
    }

    private void addItem(Item i) {
        if (i.isAttachment() && i.attachmentUrl() != null) {
            attachments.put(i.id(), new Attachment(i.id(), i.attachmentUrl(), i.attachmentAlt(), i.title()));
        } else if ((i.isPost() || i.isPage()) && importable(i) && !contents.containsKey(i.id())) {
            String slug = uniqueSlug(i.type(), slugOf(i), i.id());
            contents.put(i.id(), new Content(i.id(), i.type(), slug, i.link(), i.parentId()));
            if (i.link() != null) byLink.put(trimSlash(i.link()), i.id());
        }
    }

    static boolean importable(Item i) {
        return !i.status().equals("trash") && !i.status().equals("auto-draft");
    }

    /** The site's address as the export names it, or null. */
    public String site() {
        return site;
    }

    public int postCount() {
        return (int) contents.values().stream().filter(c -> c.type().equals("post")).count();
    }

    public int pageCount() {
        return (int) contents.values().stream().filter(c -> c.type().equals("page")).count();
    }

    public Map<String, Author> authors() {
        return authors;
    }

    public List<Term> categories() {
        return categories;
    }

    public List<Term> tags() {
        return tags;
    }

    public Attachment attachment(long id) {
        return attachments.get(id);
    }

    public Content content(long id) {
        return contents.get(id);
    }

    public Content byLink(String href) {
        Long id = byLink.get(trimSlash(href));
        return id == null ? null : contents.get(id);
    }

    /** WordPress slugs are percent-encoded and unique per type (pages only per parent): made valid and unique per collection. */
    private String uniqueSlug(String type, String slug, long id) {
        Set<String> taken = slugsTaken.computeIfAbsent(type, k -> new HashSet<>());
        String s = slug;
        if (!taken.add(s)) {
            s = slug + "-" + id;
            taken.add(s);
        }
        return s;
    }

    static String slugOf(Item i) {
        String s = i.slug() == null ? "" : URLDecoder.decode(i.slug().replace("+", "%2B"), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (!s.isEmpty() && dev.vellum.content.Slugs.valid(s)) return s;
        String fromTitle = dev.vellum.content.Slugs.fromText(s.isEmpty() ? i.title() : s);
        return fromTitle.isEmpty() ? i.type() + "-" + i.id() : fromTitle;
    }

    /** A term slug made valid for Vellum. */
    static String termSlug(Term t) {
        String s = URLDecoder.decode(t.slug().replace("+", "%2B"), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (dev.vellum.content.Slugs.valid(s)) return s;
        String fromText = dev.vellum.content.Slugs.fromText(s.isEmpty() ? t.name() : s);
        return fromText.isEmpty() ? "term-" + t.id() : fromText;
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
