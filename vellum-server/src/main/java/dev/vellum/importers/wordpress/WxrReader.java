package dev.vellum.importers.wordpress;

import dev.vellum.importers.wordpress.WxrRecord.Author;
import dev.vellum.importers.wordpress.WxrRecord.Item;
import dev.vellum.importers.wordpress.WxrRecord.Taxonomy;
import dev.vellum.importers.wordpress.WxrRecord.Term;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a WordPress export (WXR 1.0, 1.1, 1.2; http or https namespaces) record by record with
 * StAX, so memory stays bounded by the largest single post, not the file. Terms that WordPress 6.1
 * writes twice ({@code wp:category} and again as {@code wp:term}) are given once. DTDs and external
 * entities are refused (an export is untrusted input).
 */
public final class WxrReader {
    private static final Pattern WP_NS = Pattern.compile("https?://wordpress\\.org/export/1\\.[0-2]/");
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** An export that cannot be read; says where. */
    public static final class MalformedExport extends Exception {
        public MalformedExport(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Set<String> seenTerms = new HashSet<>();

    private WxrReader() {}

    /** Reads {@code in} to the end, handing each record to {@code sink} in file order. */
    public static void read(InputStream in, Consumer<WxrRecord> sink) throws MalformedExport {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(in, "UTF-8");
            new WxrReader().channel(r, sink);
        } catch (XMLStreamException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new MalformedExport("the export is not well-formed XML" + at + ": " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader of a broken stream
                }
            }
        }
    }

    private void channel(XMLStreamReader r, Consumer<WxrRecord> sink) throws XMLStreamException {
        boolean rss = false;
        while (r.hasNext()) {
            if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
            String name = r.getLocalName();
            if (!rss) {
                if (!name.equals("rss")) throw new XMLStreamException("the root element is <" + name + ">, not <rss>", r.getLocation());
                rss = true;
                continue;
            }
            if (name.equals("channel")) continue;
            if (name.equals("item")) {
                sink.accept(item(r));
            } else if (isWp(r)) {
                switch (name) {
                    case "author" -> sink.accept(author(children(r)));
                    case "category" -> term(Taxonomy.CATEGORY, children(r), sink);
                    case "tag" -> term(Taxonomy.TAG, children(r), sink);
                    case "term" -> genericTerm(children(r), sink);
                    case "base_blog_url" -> sink.accept(new WxrRecord.Site(text(r)));
                    default -> skip(r);
                }
            } else {
                skip(r);
            }
        }
        if (!rss) throw new XMLStreamException("the file is empty");
    }

    private static Author author(Map<String, String> c) {
        return new Author(c.getOrDefault("author_login", ""), c.get("author_email"), c.get("author_display_name"),
                c.get("author_first_name"), c.get("author_last_name"));
    }

    private void term(Taxonomy taxonomy, Map<String, String> c, Consumer<WxrRecord> sink) {
        boolean category = taxonomy == Taxonomy.CATEGORY;
        String slug = c.getOrDefault(category ? "category_nicename" : "tag_slug", "");
        String name = c.getOrDefault(category ? "cat_name" : "tag_name", slug);
        String description = c.get(category ? "category_description" : "tag_description");
        emitTerm(new Term(taxonomy, number(c.get("term_id")), slug, name, blankToNull(c.get("category_parent")), blankToNull(description)), sink);
    }

    private void genericTerm(Map<String, String> c, Consumer<WxrRecord> sink) {
        Taxonomy taxonomy = switch (c.getOrDefault("term_taxonomy", "")) {
            case "category" -> Taxonomy.CATEGORY;
            case "post_tag" -> Taxonomy.TAG;
            default -> null; // nav menus and custom taxonomies are not imported
        };
        if (taxonomy == null) return;
        emitTerm(new Term(taxonomy, number(c.get("term_id")), c.getOrDefault("term_slug", ""), c.getOrDefault("term_name", ""),
                blankToNull(c.get("term_parent")), blankToNull(c.get("term_description"))), sink);
    }

    private void emitTerm(Term t, Consumer<WxrRecord> sink) {
        if (t.slug().isEmpty()) return;
        if (seenTerms.add(t.taxonomy() + "/" + t.slug())) sink.accept(t);
    }

    private Item item(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> wp = new HashMap<>();
        String title = "", link = null, creator = null, content = "", excerpt = "", format = null;
        List<String> categories = new ArrayList<>(), tags = new ArrayList<>();
        Map<String, String> custom = new LinkedHashMap<>();
        Long thumbnail = null;
        String alt = null;
        int approvedComments = 0;
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("item")) break;
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            String name = r.getLocalName();
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            if (isWp(r) && name.equals("postmeta")) {
                Map<String, String> m = children(r);
                String key = m.getOrDefault("meta_key", "");
                String value = m.getOrDefault("meta_value", "");
                if (key.equals("_thumbnail_id")) thumbnail = number(value) == 0 ? null : number(value);
                else if (key.equals("_wp_attachment_image_alt")) alt = value;
                else if (!key.isEmpty() && !key.startsWith("_")) custom.put(key, value); // "_" keys are WordPress's own
            } else if (isWp(r) && name.equals("comment")) {
                if ("1".equals(children(r).get("comment_approved"))) approvedComments++;
            } else if (isWp(r)) {
                wp.put(name, text(r));
            } else if (name.equals("category") && ns.isEmpty()) {
                String domain = r.getAttributeValue(null, "domain");
                String nicename = r.getAttributeValue(null, "nicename");
                String label = text(r);
                String slug = nicename != null ? nicename : label;
                if (domain == null || domain.equals("category")) categories.add(slug);
                else if (domain.equals("post_tag") || domain.equals("tag")) tags.add(slug);
                else if (domain.equals("post_format")) format = slug.startsWith("post-format-") ? slug.substring(12) : slug;
            } else if (name.equals("encoded") && ns.endsWith("/excerpt/")) {
                excerpt = text(r);
            } else if (name.equals("encoded")) {
                content = text(r);
            } else if (name.equals("creator")) {
                creator = text(r);
            } else if (name.equals("title") && ns.isEmpty()) {
                title = text(r);
            } else if (name.equals("link") && ns.isEmpty()) {
                link = text(r);
            } else {
                skip(r);
            }
        }
        Instant date = date(wp.get("post_date_gmt"), wp.get("post_date"));
        Instant modified = date(wp.get("post_modified_gmt"), wp.get("post_modified"));
        return new Item(number(wp.get("post_id")), wp.getOrDefault("post_type", "post"), title,
                wp.getOrDefault("post_name", ""), link, wp.getOrDefault("status", "publish"), content, excerpt,
                creator == null ? null : creator.trim(), date, modified, number(wp.get("post_parent")),
                (int) number(wp.get("menu_order")), blankToNull(wp.get("post_password")), "1".equals(wp.get("is_sticky")),
                approvedComments, format, List.copyOf(categories), List.copyOf(tags), custom, thumbnail,
                blankToNull(wp.get("attachment_url")), alt);
    }

    /** The text children of the current element as local name → text; nested elements are skipped. */
    private static Map<String, String> children(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> out = new HashMap<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1) out.put(r.getLocalName(), text(r));
                else depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return out;
    }

    /** The element's text, trimmed of the surrounding whitespace exports put around CDATA; child elements are skipped. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) sb.append(r.getText());
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> { }
            }
        }
        return sb.toString().strip();
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    private static boolean isWp(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns != null && WP_NS.matcher(ns).matches();
    }

    /** A GMT date, else the local one read as UTC (drafts have a zero GMT date); null when neither is set. */
    static Instant date(String gmt, String local) {
        for (String s : new String[] {gmt, local}) {
            if (s == null || s.isBlank() || s.startsWith("0000")) continue;
            try {
                return LocalDateTime.parse(s.trim(), WP_DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next one
            }
        }
        return null;
    }

    private static long number(String s) {
        if (s == null || s.isBlank()) return 0;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
