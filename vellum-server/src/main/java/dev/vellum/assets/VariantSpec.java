package dev.vellum.assets;

import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A requested image variant: the box ({@code 0} = not given), how the image fits it, the output format
 * and the quality. Its {@link #key()} is canonical, so equal requests share one stored variant.
 *
 * <ul>
 *   <li>{@code inside} (default): scaled to fit within the box, aspect kept, never enlarged;</li>
 *   <li>{@code contain}: as inside, then centred on a canvas of exactly the box (white, or transparent in PNG);</li>
 *   <li>{@code cover}: scaled to cover the box, aspect kept, then centre-cropped to it (never enlarged: a
 *       smaller source gives a smaller crop of the same proportions).</li>
 * </ul>
 */
public record VariantSpec(int width, int height, Fit fit, Format format, int quality) {
    public static final int DEFAULT_QUALITY = 82;

    public enum Fit { INSIDE, CONTAIN, COVER }

    public enum Format {
        JPEG("image/jpeg", "jpeg"), PNG("image/png", "png"), WEBP("image/webp", "webp");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() { return contentType; }
        public String extension() { return extension; }
    }

    /** The canonical name, e.g. {@code w800-h0-inside-q82.jpeg}. */
    public String key() {
        return "w" + width + "-h" + height + "-" + fit.name().toLowerCase(Locale.ROOT) + "-q" + quality + "." + format.extension();
    }

    /**
     * Parses the query parameters (any may be null). {@code sourceType} picks the default format: PNG stays
     * PNG (it may have transparency), everything else becomes JPEG. All faults are reported at once (422).
     */
    public static VariantSpec parse(String w, String h, String fit, String format, String q, String sourceType, int maxDimension,
                                    boolean webpAvailable) {
        List<FieldError> errors = new ArrayList<>();
        int width = dimension("w", w, maxDimension, errors);
        int height = dimension("h", h, maxDimension, errors);
        Fit f = Fit.INSIDE;
        if (fit != null && !fit.isEmpty()) {
            try {
                f = Fit.valueOf(fit.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("fit", "invalid_value", "fit must be cover, contain or inside"));
            }
        }
        Format out = sourceType.equals("image/png") || sourceType.equals("image/gif") ? Format.PNG : Format.JPEG;
        if (format != null && !format.isEmpty()) {
            String fmt = format.toLowerCase(Locale.ROOT);
            switch (fmt) {
                case "jpeg", "jpg" -> out = Format.JPEG;
                case "png" -> out = Format.PNG;
                case "webp" -> {
                    if (webpAvailable) out = Format.WEBP;
                    else errors.add(new FieldError("format", "unsupported_format", "webp output is not available on this server; use jpeg or png"));
                }
                default -> errors.add(new FieldError("format", "invalid_value", "format must be jpeg, png or webp"));
            }
        }
        int quality = DEFAULT_QUALITY;
        if (q != null && !q.isEmpty()) {
            try {
                quality = Integer.parseInt(q);
                if (quality < 1 || quality > 100) errors.add(new FieldError("q", "out_of_range", "q must be 1–100"));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("q", "invalid_value", "q must be a whole number 1–100"));
            }
        }
        if ((f == Fit.COVER || f == Fit.CONTAIN) && (width == 0 || height == 0) && errors.isEmpty()) {
            errors.add(new FieldError(width == 0 ? "w" : "h", "required", "fit=" + f.name().toLowerCase(Locale.ROOT) + " needs both w and h"));
        }
        if (!errors.isEmpty()) throw new VellumException.Invalid("invalid_variant", "The variant request is not valid", errors);
        return new VariantSpec(width, height, f, out, out == Format.PNG ? 100 : quality);
    }

    private static int dimension(String name, String value, int max, List<FieldError> errors) {
        if (value == null || value.isEmpty()) return 0;
        try {
            int v = Integer.parseInt(value);
            if (v < 1 || v > max) {
                errors.add(new FieldError(name, "out_of_range", name + " must be 1–" + max));
                return 0;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "invalid_value", name + " must be a whole number"));
            return 0;
        }
    }
}
