import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes the benchmark's input files in DIR (run with the source launcher: java MakeFiles.java DIR):
 * photo-12mp.jpg (4000×3000, a photo-like gradient with noise, quality 90), 1 MB JPEGs for the
 * upload run (each different), a 200 KB JPEG to serve, and big.mp3 (1 GiB, or the third argument in MiB: an ID3
 * header, random bytes). Usage: java MakeFiles.java DIR [uploads] [big MiB]
 */
public class MakeFiles {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Random random = new Random(42);
        write(photo(4000, 3000, random), dir.resolve("photo-12mp.jpg"), 0.9f);
        write(photo(400, 330, random), dir.resolve("small-200k.jpg"), 0.98f);
        byte[] header = Files.readAllBytes(dir.resolve("small-200k.jpg"));
        // 1 MB "uploads": a JPEG header followed by random bytes (distinct files: each is a new asset)
        for (int i = 0; i < Integer.parseInt(args.length > 1 ? args[1] : "64"); i++) {
            byte[] b = new byte[1024 * 1024];
            random.nextBytes(b);
            System.arraycopy(header, 0, b, 0, 16);
            Files.write(dir.resolve("upload-" + i + ".jpg"), b);
        }
        int bigMb = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        if (!Files.exists(dir.resolve("big.mp3"))) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("big.mp3"))) {
                byte[] chunk = new byte[1024 * 1024];
                for (int i = 0; i < bigMb; i++) {
                    random.nextBytes(chunk);
                    if (i == 0) { chunk[0] = 'I'; chunk[1] = 'D'; chunk[2] = '3'; }
                    out.write(chunk);
                }
            }
        }
    }

    static BufferedImage photo(int w, int h, Random random) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 160), w, h, new Color(240, 200, 120)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 300; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
            g.fillOval(random.nextInt(w), random.nextInt(h), random.nextInt(w / 4 + 1), random.nextInt(h / 4 + 1));
        }
        g.dispose();
        for (int y = 0; y < h; y += 1) for (int x = random.nextInt(3); x < w; x += 3) img.setRGB(x, y, img.getRGB(x, y) ^ random.nextInt(0x0F0F0F));
        return img;
    }

    static void write(BufferedImage img, Path to, float quality) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(to.toFile())) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
    }
}
