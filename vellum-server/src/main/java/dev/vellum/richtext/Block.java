package dev.vellum.richtext;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Block nodes of a {@link Document}. The constructors enforce what must always hold (levels, ranges,
 * safe URLs); everything else a reader may produce loosely is made canonical by {@link DocumentNormalizer}.
 */
public sealed interface Block {

    record Paragraph(List<Inline> content) implements Block {
        public Paragraph {
            content = List.copyOf(content);
        }

        public Paragraph(Inline... content) {
            this(List.of(content));
        }
    }

    record Heading(int level, List<Inline> content) implements Block {
        public Heading {
            if (level < 1 || level > 6) {
                throw new IllegalArgumentException("heading level must be 1-6, got " + level);
            }
            content = List.copyOf(content);
        }

        public Heading(int level, Inline... content) {
            this(level, List.of(content));
        }
    }

    record BulletList(List<ListItem> items) implements Block {
        public BulletList {
            items = List.copyOf(items);
        }

        public BulletList(ListItem... items) {
            this(List.of(items));
        }
    }

    /** {@code start} is the number of the first item, 0 to {@value #MAX_START} (what Markdown can write). */
    record OrderedList(int start, List<ListItem> items) implements Block {
        public static final int MAX_START = 999_999_999;

        public OrderedList {
            if (start < 0 || start > MAX_START) {
                throw new IllegalArgumentException("ordered list start must be 0-" + MAX_START + ", got " + start);
            }
            items = List.copyOf(items);
        }

        public OrderedList(int start, ListItem... items) {
            this(start, List.of(items));
        }
    }

    record Blockquote(List<Block> content) implements Block {
        public Blockquote {
            content = List.copyOf(content);
        }

        public Blockquote(Block... content) {
            this(List.of(content));
        }
    }

    /** Preformatted code; {@code language} is null or a short identifier such as {@code java} or {@code c++}. */
    record CodeBlock(String language, String code) implements Block {
        public static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+#.\\-]{0,39}");

        public CodeBlock {
            if (language != null && !LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("code language must match " + LANGUAGE + ", got \"" + language + "\"");
            }
            Objects.requireNonNull(code, "code");
        }
    }

    record HorizontalRule() implements Block {}

    /**
     * An image; {@code link} is null unless the image is a link, {@code caption} may be empty. An image of an
     * uploaded asset names it in {@code asset} (its id) and optionally {@code variant} (resize parameters such as
     * {@code w=300}); its {@code src} is then null as stored and filled in with the asset's URL when rendered.
     */
    record Image(String src, String alt, List<Inline> caption, String link, String asset, String variant) implements Block {
        public static final Pattern ASSET_ID = Pattern.compile("[0-9A-Za-z]{1,64}");
        public static final Pattern VARIANT = Pattern.compile("[a-z]{1,6}=[a-z0-9]{1,8}(&[a-z]{1,6}=[a-z0-9]{1,8}){0,5}");

        public Image {
            if (asset == null || src != null) {
                UrlPolicy.IMAGE.require(src);
            }
            if (asset != null && !ASSET_ID.matcher(asset).matches()) {
                throw new IllegalArgumentException("asset must be an asset id, got \"" + asset + "\"");
            }
            if (variant != null && (asset == null || !VARIANT.matcher(variant).matches())) {
                throw new IllegalArgumentException("variant must be resize parameters (w=300&h=200) of an asset image");
            }
            Objects.requireNonNull(alt, "alt");
            caption = List.copyOf(caption);
            if (link != null) {
                UrlPolicy.LINK.require(link);
            }
        }

        public Image(String src, String alt, List<Inline> caption, String link) {
            this(src, alt, caption, link, null, null);
        }

        public Image(String src, String alt) {
            this(src, alt, List.of(), null);
        }

        /** The same image with {@code src} set (an asset image rendered with its URL). */
        public Image withSrc(String url) {
            return new Image(url, alt, caption, link, asset, variant);
        }
    }

    record Table(List<TableRow> rows) implements Block {
        public Table {
            rows = List.copyOf(rows);
        }

        public Table(TableRow... rows) {
            this(List.of(rows));
        }
    }

    /** Embedded media (a video, a post, a map) by the URL of the thing embedded, oEmbed style. */
    record Embed(String url) implements Block {
        public Embed {
            UrlPolicy.EMBED.require(url);
        }
    }

    HorizontalRule HORIZONTAL_RULE = new HorizontalRule();

    /** The name used in the JSON form. */
    default String type() {
        return switch (this) {
            case Paragraph p -> "paragraph";
            case Heading h -> "heading";
            case BulletList l -> "bulletList";
            case OrderedList l -> "orderedList";
            case Blockquote q -> "blockquote";
            case CodeBlock c -> "codeBlock";
            case HorizontalRule r -> "horizontalRule";
            case Image i -> "image";
            case Table t -> "table";
            case Embed e -> "embed";
        };
    }
}
