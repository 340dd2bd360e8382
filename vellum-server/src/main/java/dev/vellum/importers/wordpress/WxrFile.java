package dev.vellum.importers.wordpress;

import dev.vellum.importers.ImportFailed;
import dev.vellum.importers.wordpress.WxrRecord.Item;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** A WordPress export as a source: read twice, streaming (index, then content). */
public final class WxrFile implements WordPressSource {

    /** Opens the export afresh for each pass (a file, an asset). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final Opener opener;
    private final String fallbackKey;

    public WxrFile(Opener opener, String fallbackKey) {
        this.opener = opener;
        this.fallbackKey = fallbackKey;
    }

    @Override
    public void index(Consumer<WxrRecord> sink) {
        read(r -> sink.accept(r instanceof Item i && (i.isPost() || i.isPage()) ? withoutBody(i) : r));
    }

    @Override
    public void content(Consumer<Item> sink) {
        read(r -> {
            if (r instanceof Item i) sink.accept(i);
        });
    }

    @Override
    public String fallbackKey() {
        return fallbackKey;
    }

    private void read(Consumer<WxrRecord> sink) {
        try (InputStream in = opener.open()) {
            WxrReader.read(in, sink);
        } catch (IOException e) {
            throw new ImportFailed("source_unreadable", "cannot read the export: " + e.getMessage(), e);
        } catch (WxrReader.MalformedExport e) {
            throw new ImportFailed("invalid_export", e.getMessage(), e);
        }
    }

    /** The index keeps no bodies (a 1 GB export's first pass stays small). */
    private static Item withoutBody(Item i) {
        return new Item(i.id(), i.type(), i.title(), i.slug(), i.link(), i.status(), "", "", i.author(), i.date(), i.modified(),
                i.parentId(), i.menuOrder(), i.password(), i.sticky(), i.commentCount(), i.format(), i.categories(), i.tags(),
                i.customFields(), i.thumbnailId(), i.attachmentUrl(), i.attachmentAlt());
    }
}
