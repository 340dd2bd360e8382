package dev.vellum.assets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.time.Timestamps;

/** The JSON form of an asset: the API's, the change log's and webhook payloads'. */
public final class AssetJson {
    private AssetJson() {}

    public static ObjectNode render(Asset a, String url) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", a.id());
        o.put("url", url);
        o.put("filename", a.filename());
        o.put("content_type", a.contentType());
        o.put("size", a.size());
        o.put("sha256", a.sha256());
        if (a.width() != null) o.put("width", a.width());
        if (a.height() != null) o.put("height", a.height());
        o.put("alt", a.alt());
        o.put("title", a.title());
        o.put("created_at", Timestamps.format(a.createdAt()));
        o.put("updated_at", Timestamps.format(a.updatedAt()));
        return o;
    }

    /** What an export keeps of an asset: everything but its URL (a restore gives it a new random key). */
    public static ObjectNode archived(Asset a) {
        ObjectNode o = render(a, null);
        o.remove("url");
        return o;
    }
}
