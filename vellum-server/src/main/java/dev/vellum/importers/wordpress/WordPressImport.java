package dev.vellum.importers.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.importers.Fingerprint;
import dev.vellum.importers.ImportCancelled;
import dev.vellum.importers.ImportContext;
import dev.vellum.importers.ImportTarget;
import dev.vellum.importers.ImportWriter;
import dev.vellum.importers.ImportWriter.Candidate;
import dev.vellum.importers.ImportWriter.Pending;
import dev.vellum.importers.ImportWriter.Write;
import dev.vellum.importers.MediaResolver;
import dev.vellum.importers.MediaResolver.Rehosted;
import dev.vellum.importers.wordpress.WxrRecord.Author;
import dev.vellum.importers.wordpress.WxrRecord.Item;
import dev.vellum.importers.wordpress.WxrRecord.Term;
import dev.vellum.schema.CollectionService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A WordPress import, from an export file or a live site: authors, then categories (parents first),
 * tags, then posts and pages in chunks, each chunk's media re-hosted concurrently before its entries
 * are written. Re-runs write only what changed; a run after a crash picks up where the map ends.
 */
public final class WordPressImport {
    /** Options version: part of every fingerprint, so a change in how items are converted rewrites them. */
    private static final String VERSION = "wp1";
    private static final int CHUNK = 100;

    private final CollectionService collections;
    private final String projectId;
    private final WordPressSource source;
    private final Options options;
    private final Function<String, ImportWriter> writers;
    private final Function<ImportWriter, MediaResolver> media;

    /** {@code options}: mapping (see {@link ImportTarget}), media (default true), rewrite_links, link_pattern, full (ignore the last run). */
    public record Options(JsonNode mapping, boolean media, boolean rewriteLinks, String linkPattern, boolean full) {
        public static Options of(JsonNode options) {
            JsonNode o = options == null ? JsonNodeFactory.instance.objectNode() : options;
            return new Options(o.get("mapping"), o.path("media").asBoolean(true), o.path("rewrite_links").asBoolean(false),
                    o.path("link_pattern").asText("/{collection}/{slug}"), o.path("full").asBoolean(false));
        }

        String fingerprint() {
            return VERSION + "|" + media + "|" + rewriteLinks + "|" + linkPattern + "|" + Objects.toString(mapping);
        }
    }

    public WordPressImport(CollectionService collections, String projectId, WordPressSource source, Options options,
                           Function<String, ImportWriter> writers, Function<ImportWriter, MediaResolver> media) {
        this.collections = collections;
        this.projectId = projectId;
        this.source = source;
        this.options = options;
        this.writers = writers;
        this.media = media;
    }

    public ObjectNode run(ImportContext ctx) {
        WordPressIndex index = new WordPressIndex();
        source.prepare();
        ctx.progress("scan", 0, -1);
        source.index(index::add);
        ctx.progress("scan", 1, 1);
        String key = "wordpress:" + (index.site() != null ? WordPressIndex.trimSlash(index.site()) : source.fallbackKey());
        ImportWriter writer = writers.apply(key);
        source.since(options.full() ? null : writer.syncedTo());
        MediaResolver resolver = options.media() ? media.apply(writer) : MediaResolver.NONE;
        WordPressCollections cols = WordPressCollections.ensure(collections, projectId, options.mapping());

        Map<String, String> authorIds = authors(ctx, writer, cols.authors(), index);
        Map<String, String> categoryIds = categories(ctx, writer, cols.categories(), index.categories());
        Map<String, String> tagIds = terms(ctx, writer, cols.tags(), "tag", index.tags(), Map.of());
        Content content = new Content(ctx, writer, resolver, index, cols, authorIds, categoryIds, tagIds);
        source.content(content::accept);
        content.finish();
        if (source.syncedTo() != null) writer.setSyncedTo(source.syncedTo());

        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("source", key);
        ObjectNode c = result.putObject("collections");
        for (var t : List.of(Map.entry("authors", cols.authors()), Map.entry("categories", cols.categories()), Map.entry("tags", cols.tags()),
                Map.entry("posts", cols.posts()), Map.entry("pages", cols.pages()))) {
            c.put(t.getKey(), t.getValue().collectionId());
            if (!t.getValue().dropped().isEmpty()) result.with("dropped_fields").put(t.getKey(), String.join(", ", t.getValue().dropped()));
        }
        if (resolver.report() != null) result.set("media", resolver.report());
        result.put("posts", index.postCount());
        result.put("pages", index.pageCount());
        return result;
    }

    private Map<String, String> authors(ImportContext ctx, ImportWriter writer, ImportTarget target, WordPressIndex index) {
        List<Candidate<Author>> candidates = new ArrayList<>();
        for (Author a : index.authors().values()) {
            candidates.add(new Candidate<>("author:" + a.login(), null, Fingerprint.of(options.fingerprint(), a.toString()), a));
        }
        Map<String, String> ids = new HashMap<>();
        List<Write> writes = new ArrayList<>();
        for (Pending<Author> p : writer.classify(target.collectionId(), candidates, ids)) {
            writes.add(new Write(p.candidate().sourceId(), null, p.candidate().fingerprint(), p.existingId(),
                    WordPressEntries.author(p.candidate().item(), target)));
        }
        ids.putAll(writer.write(target.collectionId(), writes));
        ctx.progress("authors", candidates.size(), candidates.size());
        Map<String, String> byLogin = new HashMap<>();
        ids.forEach((sourceId, entryId) -> byLogin.put(sourceId.substring("author:".length()), entryId));
        return byLogin;
    }

    /** Categories level by level, so that each parent exists before its children refer to it. */
    private Map<String, String> categories(ImportContext ctx, ImportWriter writer, ImportTarget target, List<Term> all) {
        Map<String, String> ids = new HashMap<>();
        Set<String> slugs = new HashSet<>();
        all.forEach(t -> slugs.add(t.slug()));
        List<Term> left = new ArrayList<>(all);
        while (!left.isEmpty()) {
            List<Term> level = new ArrayList<>();
            for (Term t : left) {
                String parent = t.parentSlug();
                if (parent == null || !slugs.contains(parent) || ids.containsKey(parent) || parent.equals(t.slug())) level.add(t);
            }
            if (level.isEmpty()) level = new ArrayList<>(left); // a cycle in the export: write the rest without waiting
            left.removeAll(level);
            ids.putAll(terms(ctx, writer, target, "category", level, ids));
        }
        return ids;
    }

    /** Writes terms; returns WordPress slug → entry id. {@code parents}: slug → entry id of categories written so far. */
    private Map<String, String> terms(ImportContext ctx, ImportWriter writer, ImportTarget target, String kind, List<Term> terms,
                                      Map<String, String> parents) {
        List<Candidate<Term>> candidates = new ArrayList<>();
        for (Term t : terms) {
            String parent = t.parentSlug() == null ? null : parents.get(t.parentSlug());
            candidates.add(new Candidate<>(kind + ":" + t.slug(), null, Fingerprint.of(options.fingerprint(), t.toString(), parent), t));
        }
        Map<String, String> ids = new HashMap<>();
        List<Write> writes = new ArrayList<>();
        for (Pending<Term> p : writer.classify(target.collectionId(), candidates, ids)) {
            Term t = p.candidate().item();
            String parent = t.parentSlug() == null ? null : parents.get(t.parentSlug());
            writes.add(new Write(p.candidate().sourceId(), null, p.candidate().fingerprint(), p.existingId(), WordPressEntries.term(t, parent, target)));
        }
        ids.putAll(writer.write(target.collectionId(), writes));
        ctx.progress(kind.equals("tag") ? "tags" : "categories", ids.size(), terms.size());
        Map<String, String> bySlug = new HashMap<>();
        ids.forEach((sourceId, entryId) -> bySlug.put(sourceId.substring(kind.length() + 1), entryId));
        return bySlug;
    }

    /** The second pass: posts and pages in chunks of {@value #CHUNK}. */
    private final class Content {
        private final ImportContext ctx;
        private final ImportWriter writer;
        private final MediaResolver resolver;
        private final WordPressIndex index;
        private final WordPressCollections cols;
        private final Map<String, String> authorIds;
        private final Map<String, String> categoryIds;
        private final Map<String, String> tagIds;
        private final Map<Long, String> pageIds = new HashMap<>();
        private final Map<Long, Long> parentLater = new LinkedHashMap<>();
        private final Set<Long> seen = new HashSet<>();
        private final List<Item> posts = new ArrayList<>();
        private final List<Item> pages = new ArrayList<>();
        private final long total;
        private long done;

        Content(ImportContext ctx, ImportWriter writer, MediaResolver resolver, WordPressIndex index, WordPressCollections cols,
                Map<String, String> authorIds, Map<String, String> categoryIds, Map<String, String> tagIds) {
            this.ctx = ctx;
            this.writer = writer;
            this.resolver = resolver;
            this.index = index;
            this.cols = cols;
            this.authorIds = authorIds;
            this.categoryIds = categoryIds;
            this.tagIds = tagIds;
            this.total = index.postCount() + index.pageCount();
            writer.mappedWithPrefix("page:").forEach(m -> pageIds.put(Long.parseLong(m.sourceId().substring(5)), m.targetId()));
        }

        void accept(Item i) {
            if (!(i.isPost() || i.isPage()) || !WordPressIndex.importable(i) || !seen.add(i.id())) return;
            if (index.content(i.id()) == null) return; // not in the index: appeared after the first pass (a live site)
            List<Item> buffer = i.isPost() ? posts : pages;
            buffer.add(i);
            if (buffer.size() >= CHUNK) flush(buffer);
        }

        void finish() {
            flush(posts);
            flush(pages);
            if (!parentLater.isEmpty()) linkParents();
        }

        private void flush(List<Item> buffer) {
            if (buffer.isEmpty()) return;
            if (ctx.cancelled()) throw new ImportCancelled();
            boolean page = buffer.get(0).isPage();
            ImportTarget target = page ? cols.pages() : cols.posts();
            List<Candidate<Item>> candidates = new ArrayList<>();
            for (Item i : buffer) {
                String parent = page && i.parentId() > 0 ? "page:" + i.parentId() : "";
                candidates.add(new Candidate<>(i.type() + ":" + i.id(), i.modified() == null ? null : i.modified().toString(),
                        Fingerprint.of(options.fingerprint(), i.toString(), parent), i));
            }
            Map<String, String> unchanged = new HashMap<>();
            List<Pending<Item>> pending = writer.classify(target.collectionId(), candidates, unchanged);
            Map<String, Rehosted> rehosted = resolver.rehost(mediaOf(pending));
            List<Write> writes = new ArrayList<>();
            for (Pending<Item> p : pending) writes.add(write(p, rehosted, target));
            Map<String, String> written = writer.write(target.collectionId(), writes);
            if (page) {
                unchanged.forEach((s, id) -> pageIds.put(Long.parseLong(s.substring(5)), id));
                written.forEach((s, id) -> pageIds.put(Long.parseLong(s.substring(5)), id));
            }
            done += buffer.size();
            ctx.progress("content", done, total);
            buffer.clear();
        }

        private Set<String> mediaOf(List<Pending<Item>> pending) {
            Set<String> urls = new LinkedHashSet<>();
            for (Pending<Item> p : pending) {
                Item i = p.candidate().item();
                for (String url : WordPressHtml.mediaUrls(WordPressHtml.expandGalleries(i.content(), index))) urls.add(WordPressHtml.original(url));
                if (i.thumbnailId() != null && index.attachment(i.thumbnailId()) != null) urls.add(index.attachment(i.thumbnailId()).url());
            }
            return urls;
        }

        private Write write(Pending<Item> p, Map<String, Rehosted> rehosted, ImportTarget target) {
            Item i = p.candidate().item();
            String html = WordPressHtml.expandGalleries(i.content(), index);
            List<String> missing = new ArrayList<>();
            for (String url : WordPressHtml.mediaUrls(html)) {
                if (!WordPressHtml.replaceUrl(url, rehosted).equals(url) || !options.media()) continue;
                missing.add(url);
            }
            html = WordPressEntries.rewriteHtml(html, rehosted, this::link);
            WordPressIndex.Attachment featured = i.thumbnailId() == null ? null : index.attachment(i.thumbnailId());
            if (featured != null && options.media() && !rehosted.containsKey(featured.url())) missing.add(featured.url());
            String parent = null;
            if (i.isPage() && i.parentId() > 0) {
                parent = pageIds.get(i.parentId());
                if (parent == null && index.content(i.parentId()) != null) parentLater.put(i.id(), i.parentId());
            }
            List<String> cats = i.categories().stream().map(categoryIds::get).filter(Objects::nonNull).distinct().toList();
            List<String> tags = i.tags().stream().map(tagIds::get).filter(Objects::nonNull).distinct().toList();
            var refs = new WordPressEntries.Refs(i.author() == null ? null : authorIds.get(i.author()), cats, tags, parent);
            ObjectNode body = WordPressEntries.content(i, index.content(i.id()), html, refs, WordPressEntries.featuredUrl(featured, rehosted),
                    featured == null ? null : featured.alt(), target);
            // an item whose media could not all be fetched is fetched again by the next run
            String fingerprint = missing.isEmpty() ? p.candidate().fingerprint() : p.candidate().fingerprint() + "!media";
            String warning = missing.isEmpty() ? null : "media kept at the original URL (not fetched): " + String.join(" ", missing);
            return new Write(p.candidate().sourceId(), p.candidate().sourceModified(), fingerprint, p.existingId(), body, warning);
        }

        /** An internal link to a post or page, pointed at its new address when rewrite_links is on. */
        private String link(String href) {
            if (!options.rewriteLinks()) return href;
            WordPressIndex.Content target = index.byLink(href);
            if (target == null) return href;
            String collection = target.type().equals("page") ? cols.pages().collectionId() : cols.posts().collectionId();
            return options.linkPattern().replace("{collection}", collection).replace("{slug}", target.slug());
        }

        /** Pages whose parent came later in the source: the parent reference is set once both exist. */
        private void linkParents() {
            List<Write> writes = new ArrayList<>();
            var mapped = writer.mapped(parentLater.keySet().stream().map(id -> "page:" + id).toList());
            parentLater.forEach((child, parent) -> {
                var m = mapped.get("page:" + child);
                String parentId = pageIds.get(parent);
                if (m == null || parentId == null) return;
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.set("fields", cols.pages().fields(JsonNodeFactory.instance.objectNode().put("parent", parentId)));
                writes.add(new Write(m.sourceId(), m.sourceModified(), m.fingerprint(), m.targetId(), body));
            });
            writer.write(cols.pages().collectionId(), writes); // the item log keeps each page's first row
        }
    }
}
