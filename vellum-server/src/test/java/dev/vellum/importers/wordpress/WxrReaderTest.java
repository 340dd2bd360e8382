package dev.vellum.importers.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.importers.wordpress.WxrRecord.Author;
import dev.vellum.importers.wordpress.WxrRecord.Item;
import dev.vellum.importers.wordpress.WxrRecord.Taxonomy;
import dev.vellum.importers.wordpress.WxrRecord.Term;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WxrReaderTest {

    static List<WxrRecord> read(InputStream in) throws Exception {
        List<WxrRecord> out = new ArrayList<>();
        WxrReader.read(in, out::add);
        return out;
    }

    static <T> List<T> only(List<WxrRecord> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void readsTheThemeUnitTestExport() throws Exception {
        List<WxrRecord> records;
        try (InputStream in = Files.newInputStream(WxrFixture.path())) {
            records = read(in);
        }
        List<Item> items = only(records, Item.class);
        List<Term> terms = only(records, Term.class);
        assertThat(only(records, Author.class)).extracting(Author::login).containsExactly("themedemos", "themereviewteam");
        assertThat(items).hasSize(186);
        assertThat(items.stream().filter(Item::isPost)).hasSize(58);
        assertThat(items.stream().filter(Item::isPage)).hasSize(21);
        assertThat(items.stream().filter(Item::isAttachment)).hasSize(37);
        // 68 wp:category + the "6-1" duplicate as wp:term (deduplicated), 110 wp:tag
        assertThat(terms.stream().filter(t -> t.taxonomy() == Taxonomy.CATEGORY)).hasSize(68);
        assertThat(terms.stream().filter(t -> t.taxonomy() == Taxonomy.TAG)).hasSize(110);
        Map<String, Term> categories = terms.stream().filter(t -> t.taxonomy() == Taxonomy.CATEGORY)
                .collect(Collectors.toMap(Term::slug, Function.identity()));
        assertThat(categories.get("grandchild-category").parentSlug()).isEqualTo("child-category-03");
        assertThat(categories.get("child-category-03").parentSlug()).isEqualTo("parent-category");
        assertThat(categories.get("parent-category").parentSlug()).isNull();
        assertThat(categories.values().stream().filter(t -> t.parentSlug() != null)).hasSize(10);

        Map<Long, Item> byId = items.stream().collect(Collectors.toMap(Item::id, Function.identity(), (a, b) -> a)); // the export repeats a menu item
        Item sticky = byId.get(1241L);
        assertThat(sticky.title()).isEqualTo("Template: Sticky");
        assertThat(sticky.sticky()).isTrue();
        assertThat(sticky.categories()).containsExactly("classic", "uncategorized");
        assertThat(sticky.tags()).containsExactly("sticky-2", "template");
        assertThat(items.stream().filter(Item::sticky)).hasSize(1);

        Item password = byId.get(1168L);
        assertThat(password.password()).isEqualTo("enter");
        assertThat(password.commentCount()).isEqualTo(1);
        assertThat(byId.get(1148L).commentCount()).isEqualTo(19);

        Item scheduled = byId.get(1153L);
        assertThat(scheduled.status()).isEqualTo("future");
        assertThat(scheduled.date()).isEqualTo(Instant.parse("2030-01-01T19:00:18Z"));
        Item draft = byId.get(1164L);
        assertThat(draft.status()).isEqualTo("draft");
        assertThat(draft.slug()).isEmpty();

        Item image = byId.get(1163L);
        assertThat(image.format()).isEqualTo("image");
        assertThat(image.thumbnailId()).isEqualTo(1628L);
        assertThat(image.customFields()).isEmpty(); // _thumbnail_id, _edit_last… are WordPress's own
        assertThat(byId.get(1628L).isAttachment()).isTrue();
        assertThat(byId.get(1628L).attachmentUrl()).startsWith("https://wpthemetestdata.files.wordpress.com/");
        assertThat(items.stream().filter(i -> i.customFields().containsKey("enclosure"))).hasSize(3);
        assertThat(items.stream().filter(i -> i.format() != null)).hasSize(13);

        Item level3 = byId.get(172L);
        assertThat(level3.isPage()).isTrue();
        assertThat(level3.parentId()).isEqualTo(173L);
        assertThat(byId.get(173L).parentId()).isEqualTo(174L);

        Item block = byId.get(51L);
        assertThat(block.content()).contains("<!-- wp:");
        assertThat(block.categories()).containsExactly("6-1", "block");
        assertThat(block.author()).isEqualTo("themereviewteam");
    }

    @Test
    void readsWxr10NamespacesAndTags() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.0/"
                     xmlns:excerpt="http://wordpress.org/export/1.0/excerpt/">
                <channel>
                  <wp:wxr_version>1.0</wp:wxr_version>
                  <wp:category><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
                  <wp:tag><wp:tag_slug>java</wp:tag_slug><wp:tag_name><![CDATA[Java]]></wp:tag_name></wp:tag>
                  <item>
                    <title>Old post</title>
                    <dc:creator>admin</dc:creator>
                    <content:encoded><![CDATA[Line one
                Line two]]></content:encoded>
                    <excerpt:encoded><![CDATA[Short]]></excerpt:encoded>
                    <wp:post_id>7</wp:post_id>
                    <wp:post_date>2008-01-02 03:04:05</wp:post_date>
                    <wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
                    <wp:post_name>old-post</wp:post_name>
                    <wp:status>publish</wp:status>
                    <wp:post_type>post</wp:post_type>
                    <category><![CDATA[News]]></category>
                    <category domain="category" nicename="news"><![CDATA[News]]></category>
                    <category domain="tag"><![CDATA[java]]></category>
                    <wp:postmeta><wp:meta_key>mood</wp:meta_key><wp:meta_value>happy</wp:meta_value></wp:postmeta>
                    <wp:postmeta><wp:meta_key>_edit_lock</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>
                  </item>
                </channel></rss>
                """;
        List<WxrRecord> records = read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(only(records, Term.class)).extracting(Term::taxonomy, Term::slug, Term::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Taxonomy.CATEGORY, "news", "News"),
                        org.assertj.core.groups.Tuple.tuple(Taxonomy.TAG, "java", "Java"));
        Item post = only(records, Item.class).get(0);
        assertThat(post.id()).isEqualTo(7);
        assertThat(post.excerpt()).isEqualTo("Short");
        assertThat(post.tags()).containsExactly("java");
        assertThat(post.categories()).contains("news");
        assertThat(post.date()).isEqualTo(Instant.parse("2008-01-02T03:04:05Z")); // no GMT date: the local one
        assertThat(post.customFields()).containsExactly(Map.entry("mood", "happy"));
    }

    @Test
    void wordPress61TermsAreGivenOnceAndOtherTaxonomiesSkipped() throws Exception {
        String xml = """
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
                  <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>a</wp:category_nicename><wp:cat_name>A</wp:cat_name></wp:category>
                  <wp:term><wp:term_id>3</wp:term_id><wp:term_taxonomy>category</wp:term_taxonomy><wp:term_slug>a</wp:term_slug><wp:term_name>A</wp:term_name></wp:term>
                  <wp:term><wp:term_id>4</wp:term_id><wp:term_taxonomy>category</wp:term_taxonomy><wp:term_slug>b</wp:term_slug><wp:term_parent>a</wp:term_parent><wp:term_name>B</wp:term_name></wp:term>
                  <wp:term><wp:term_id>5</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>menu</wp:term_slug><wp:term_name>M</wp:term_name></wp:term>
                </channel></rss>
                """;
        List<Term> terms = only(read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))), Term.class);
        assertThat(terms).extracting(Term::slug).containsExactly("a", "b");
        assertThat(terms.get(1).parentSlug()).isEqualTo("a");
    }

    @Test
    void refusesEntitiesAndBrokenXml() {
        String xxe = """
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss><channel><title>&x;</title></channel></rss>""";
        assertThatThrownBy(() -> read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(WxrReader.MalformedExport.class);
        assertThatThrownBy(() -> read(new ByteArrayInputStream("<rss><channel><item>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(WxrReader.MalformedExport.class).hasMessageContaining("line");
        assertThatThrownBy(() -> read(new ByteArrayInputStream("<html/>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(WxrReader.MalformedExport.class).hasMessageContaining("<html>");
    }
}
