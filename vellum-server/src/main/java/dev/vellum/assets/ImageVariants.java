package dev.vellum.assets;

import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes one variant of a raster image with ImageIO. The pixel count is read from the header and
 * checked before anything is decoded, so a decompression bomb (a small file that decodes to billions of
 * pixels) is refused at once. Large reductions decode with subsampling, then scale in halving steps.
 */
final class ImageVariants {
    /** Source types ImageIO can decode here. */
    static final Set<String> DECODABLE = ImageIO.getImageReadersByMIMEType("image/webp").hasNext()
            ? Set.of("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff", "image/webp")
            : Set.of("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff");

    private final long maxPixels;

    ImageVariants(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** Renders {@code spec} of the image in {@code source} to {@code target}; returns the variant's size in pixels. */
    int[] render(Path source, String sourceType, VariantSpec spec, Path target) throws IOException {
        if (!DECODABLE.contains(sourceType)) {
            throw new VellumException.Invalid("not_resizable", "Variants can be made of JPEG, PNG, GIF, BMP, TIFF and WebP images, not " + sourceType,
                    List.of(new FieldError("w", "not_resizable", "this asset is " + sourceType)));
        }
        int orientation = sourceType.equals("image/jpeg") ? ExifOrientation.read(source) : 1;
        BufferedImage decoded;
        VariantPlan plan;
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw unreadable();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int sw = reader.getWidth(0);
                int sh = reader.getHeight(0);
                if ((long) sw * sh > maxPixels) {
                    throw new VellumException.Invalid("image_too_large", "The image is " + sw + "×" + sh + " pixels; variants are made of images up to "
                            + maxPixels + " pixels (VELLUM_ASSET_MAX_PIXELS)", List.of(new FieldError("w", "image_too_large", "the source image is too large")));
                }
                boolean turned = orientation >= 5;
                plan = VariantPlan.of(turned ? sh : sw, turned ? sw : sh, spec);
                ImageReadParam param = reader.getDefaultReadParam();
                int sub = Math.max(1, (int) Math.floor(1 / plan.scale(turned ? sh : sw) / 2));
                if (sub > 1) param.setSourceSubsampling(sub, sub, 0, 0);
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof VellumException v) throw v;
            throw unreadable();
        }
        boolean turned = orientation >= 5;
        BufferedImage scaled = scale(decoded, turned ? plan.scaledHeight() : plan.scaledWidth(), turned ? plan.scaledWidth() : plan.scaledHeight());
        BufferedImage upright = orient(scaled, orientation);
        boolean alpha = spec.format() != VariantSpec.Format.JPEG;
        BufferedImage canvas = new BufferedImage(plan.canvasWidth(), plan.canvasHeight(), alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        if (!alpha) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, plan.canvasWidth(), plan.canvasHeight());
        }
        g.drawImage(upright, plan.x(), plan.y(), null);
        g.dispose();
        write(canvas, spec, target);
        return new int[] {plan.canvasWidth(), plan.canvasHeight()};
    }

    /** Scales down in halving steps (each bilinear), which keeps detail that one big bilinear step would alias away. */
    private static BufferedImage scale(BufferedImage img, int width, int height) {
        BufferedImage current = img;
        int w = img.getWidth();
        int h = img.getHeight();
        while (w != width || h != height) {
            w = w / 2 >= width ? w / 2 : width;
            h = h / 2 >= height ? h / 2 : height;
            BufferedImage next = new BufferedImage(w, h, current.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        }
        return current;
    }

    /** Turns the image upright per its EXIF orientation (1–8). */
    static BufferedImage orient(BufferedImage img, int orientation) {
        if (orientation <= 1 || orientation > 8) return img;
        int w = img.getWidth();
        int h = img.getHeight();
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8
        };
        boolean turned = orientation >= 5;
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h,
                img.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    private static void write(BufferedImage img, VariantSpec spec, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(spec.format().extension()).next();
            try {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (spec.format() != VariantSpec.Format.PNG && param.canWriteCompressed()) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    if (param.getCompressionTypes() != null && param.getCompressionType() == null) param.setCompressionType(param.getCompressionTypes()[0]);
                    param.setCompressionQuality(spec.quality() / 100f);
                }
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
        }
    }

    static boolean webpWriterAvailable() {
        return ImageIO.getImageWritersByFormatName("webp").hasNext();
    }

    private static VellumException unreadable() {
        return new VellumException.Invalid("not_resizable", "The image could not be decoded",
                List.of(new FieldError("w", "not_resizable", "the stored image could not be decoded")));
    }
}
