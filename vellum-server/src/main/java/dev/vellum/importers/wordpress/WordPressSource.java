package dev.vellum.importers.wordpress;

import dev.vellum.importers.wordpress.WxrRecord.Item;
import java.util.function.Consumer;

/** Where a WordPress import reads from: an export file or a live site. */
public interface WordPressSource {

    /** First pass: the site, authors, terms, attachments, and every post and page (their bodies may be left empty). */
    void index(Consumer<WxrRecord> sink);

    /** Second pass: posts and pages with their content, in any order. */
    void content(Consumer<Item> sink);

    /** The import map's source key when the source does not name its site. */
    String fallbackKey();

    /** Checks what can be checked before reading (a live site's credentials). */
    default void prepare() { }

    /** Where the last complete run of this source ended (null: read everything). */
    default void since(String syncedTo) { }

    /** Where the next run may start, once this one completed; null when the source has no such notion. */
    default String syncedTo() {
        return null;
    }
}
