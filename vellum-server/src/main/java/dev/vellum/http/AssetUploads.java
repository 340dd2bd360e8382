package dev.vellum.http;

import dev.vellum.assets.AssetPatch;
import dev.vellum.assets.AssetUpload;
import dev.vellum.assets.StoredAsset;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads an upload in any of its three forms and hands it to the assets facade as a stream:
 * multipart/form-data (a {@code file} part, optional {@code alt} and {@code title} fields), a raw body
 * with its Content-Type and {@code ?filename=}, or JSON {@code {"url": …}} to fetch.
 */
final class AssetUploads {
    private static final int FIELD_MAX = 4096;
    /** After a refused body, how much more is read so the client (still sending) sees the 413. */
    private static final long DRAIN_MAX = 64L * 1024 * 1024;

    private AssetUploads() {}

    static StoredAsset receive(Context ctx, Services s, String projectId) throws IOException {
        String type = ctx.contentType();
        if (type != null && (type.startsWith("application/json") || type.startsWith("application/merge-patch+json"))) {
            return AssetRoutes.fetch(ctx, s, projectId);
        }
        long max = s.assets().maxBytes();
        String boundary = MultipartStream.boundary(type);
        long declared = ctx.contentLength();
        if (declared > max + (boundary == null ? 0 : AssetRoutes.multipartOverhead())) {
            Json.drain(ctx, Math.min(declared, DRAIN_MAX));
            throw new VellumException.PayloadTooLarge("The file is larger than the limit of " + max + " bytes");
        }
        try {
            if (boundary != null) return multipart(ctx, s, projectId, boundary);
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                throw new VellumException.BadRequest("malformed_multipart", "A multipart body needs multipart/form-data with a boundary");
            }
            InputStream body = ctx.req().getInputStream();
            return s.assets().upload(projectId, body, new AssetUpload(ctx.queryParam("filename"), type, ctx.queryParam("alt"),
                    ctx.queryParam("title")));
        } catch (VellumException.PayloadTooLarge e) {
            Json.drain(ctx, DRAIN_MAX);
            throw e;
        }
    }

    private static StoredAsset multipart(Context ctx, Services s, String projectId, String boundary) throws IOException {
        MultipartStream parts = new MultipartStream(ctx.req().getInputStream(), boundary);
        String alt = null;
        String title = null;
        StoredAsset stored = null;
        for (MultipartStream.Part part = parts.next(); part != null; part = parts.next()) {
            if ("file".equals(part.name())) {
                if (stored != null) throw invalid("file", "too_many_files", "send one file per request");
                stored = s.assets().upload(projectId, part.body(), new AssetUpload(part.filename(), part.contentType(), alt, title));
            } else if ("alt".equals(part.name())) {
                alt = part.text(FIELD_MAX);
            } else if ("title".equals(part.name())) {
                title = part.text(FIELD_MAX);
            }
        }
        if (stored == null) throw invalid("file", "required", "send the file in a form field named 'file'");
        boolean late = (alt != null && !alt.equals(stored.asset().alt())) || (title != null && !title.equals(stored.asset().title()));
        if (late && stored.created()) {
            // alt/title sent after the file part
            stored = new StoredAsset(s.assets().update(projectId, stored.asset().id(), new AssetPatch(alt, title)), true);
        }
        return stored;
    }

    private static VellumException invalid(String field, String code, String message) {
        return new VellumException.Invalid("invalid_upload", "The upload is not valid", List.of(new FieldError(field, code, message)));
    }
}
