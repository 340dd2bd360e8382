package dev.vellum.importers;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A WordPress export of {@code posts} posts (block content, a category and a tag each; images from {@code imageBase} when given). */
public final class WxrGenerator {
    private WxrGenerator() {}

    public static Path write(Path file, String site, int posts, String imageBase) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:wp="http://wordpress.org/export/1.2/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"><channel>
                    <wp:base_blog_url>%s</wp:base_blog_url>
                    <wp:author><wp:author_login>writer</wp:author_login><wp:author_display_name>Writer</wp:author_display_name></wp:author>
                    <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name></wp:category>
                    <wp:tag><wp:term_id>3</wp:term_id><wp:tag_slug>misc</wp:tag_slug><wp:tag_name>Misc</wp:tag_name></wp:tag>
                    """.formatted(site));
            for (int i = 1; i <= posts; i++) {
                String images = imageBase == null ? "" : "<figure class=\"wp-block-image\"><img src=\"" + imageBase + "img-" + i
                        + "-1024x683.jpg\" srcset=\"" + imageBase + "img-" + i + ".jpg 1200w, " + imageBase + "img-" + i
                        + "-300x200.jpg 300w\" alt=\"Image " + i + "\"/></figure>";
                w.write("<item><title>Post " + i + "</title><link>" + site + "/post-" + i + "/</link><dc:creator>writer</dc:creator>"
                        + "<content:encoded><![CDATA[<!-- wp:paragraph --><p>Paragraph of post " + i + ", <a href=\"" + site + "/post-"
                        + (i % posts + 1) + "/\">next</a>.</p><!-- /wp:paragraph -->" + images + "]]></content:encoded>"
                        + "<wp:post_id>" + i + "</wp:post_id><wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt>"
                        + "<wp:post_name>post-" + i + "</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                        + "<category domain=\"category\" nicename=\"news\">News</category><category domain=\"post_tag\" nicename=\"misc\">Misc</category>"
                        + "</item>\n");
            }
            w.write("</channel></rss>\n");
        }
        return file;
    }
}
