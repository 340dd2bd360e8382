package dev.vellum.assets;

/**
 * Where a source of {@code sourceWidth}×{@code sourceHeight} (upright, EXIF orientation applied) goes in
 * a variant: scaled to {@code scaledWidth}×{@code scaledHeight}, drawn at ({@code x}, {@code y}) on a
 * canvas of {@code canvasWidth}×{@code canvasHeight} (negative offsets crop).
 */
record VariantPlan(int scaledWidth, int scaledHeight, int canvasWidth, int canvasHeight, int x, int y) {

    static VariantPlan of(int sourceWidth, int sourceHeight, VariantSpec spec) {
        double sw = sourceWidth;
        double sh = sourceHeight;
        int w = spec.width();
        int h = spec.height();
        return switch (spec.fit()) {
            case INSIDE -> {
                double scale = Math.min(1, Math.min(w > 0 ? w / sw : Double.MAX_VALUE, h > 0 ? h / sh : Double.MAX_VALUE));
                int tw = atLeastOne(sw * scale);
                int th = atLeastOne(sh * scale);
                yield new VariantPlan(tw, th, tw, th, 0, 0);
            }
            case CONTAIN -> {
                double scale = Math.min(1, Math.min(w / sw, h / sh));
                int tw = atLeastOne(sw * scale);
                int th = atLeastOne(sh * scale);
                yield new VariantPlan(tw, th, w, h, (w - tw) / 2, (h - th) / 2);
            }
            case COVER -> {
                double scale = Math.max(w / sw, h / sh);
                if (scale <= 1) {
                    int tw = atLeastOne(sw * scale);
                    int th = atLeastOne(sh * scale);
                    yield new VariantPlan(tw, th, w, h, (w - tw) / 2, (h - th) / 2);
                }
                // never enlarged: the largest crop of the box's proportions the source holds
                double k = Math.min(sw / w, sh / h);
                int cw = atLeastOne(w * k);
                int ch = atLeastOne(h * k);
                yield new VariantPlan(sourceWidth, sourceHeight, cw, ch, (cw - sourceWidth) / 2, (ch - sourceHeight) / 2);
            }
        };
    }

    /** The scale from source to variant: at most 1. */
    double scale(int sourceWidth) {
        return (double) scaledWidth / sourceWidth;
    }

    private static int atLeastOne(double v) {
        return Math.max(1, (int) Math.round(v));
    }
}
