package dev.vellum.importers.wordpress;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One thing a WXR export holds, in file order: authors and terms come first, then items. */
public sealed interface WxrRecord {

    /** The site the export came from ({@code wp:base_blog_url}): imports of the same site share one import map. */
    record Site(String baseUrl) implements WxrRecord {}

    /** {@code wp:author}: keyed by login, which items name in {@code dc:creator}. */
    record Author(String login, String email, String displayName, String firstName, String lastName) implements WxrRecord {}

    /** A category or tag ({@code wp:category}, {@code wp:tag}, or 6.1's duplicate {@code wp:term}); parent by slug. */
    record Term(Taxonomy taxonomy, long id, String slug, String name, String parentSlug, String description) implements WxrRecord {}

    enum Taxonomy { CATEGORY, TAG }

    /**
     * An {@code item}: a post, page, attachment or anything else (nav menu items, custom types),
     * with {@code type} as WordPress names it. Dates are UTC; {@code modified} is null in exports
     * older than WordPress 4 (they have no {@code post_modified}).
     */
    record Item(long id, String type, String title, String slug, String link, String status, String content, String excerpt,
                String author, Instant date, Instant modified, long parentId, int menuOrder, String password, boolean sticky,
                int commentCount, String format, List<String> categories, List<String> tags, Map<String, String> customFields,
                Long thumbnailId, String attachmentUrl, String attachmentAlt) implements WxrRecord {

        public boolean isPost() {
            return type.equals("post");
        }

        public boolean isPage() {
            return type.equals("page");
        }

        public boolean isAttachment() {
            return type.equals("attachment");
        }
    }
}
