package dev.vellum.http;

import dev.vellum.error.VellumException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A streaming multipart/form-data reader (RFC 7578): parts come one after another, each body as an
 * InputStream that ends at the next boundary. Nothing is buffered beyond a fixed 64 KiB window, so a
 * file part of any size streams straight through to where it is stored.
 */
final class MultipartStream {
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /** One part: its form field name, file name (null for plain fields), content type and body. */
    record Part(String name, String filename, String contentType, InputStream body) {
        String text(int max) throws IOException {
            byte[] b = body.readNBytes(max + 1);
            if (b.length > max) throw new VellumException.PayloadTooLarge("The form field '" + name + "' is longer than " + max + " bytes");
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[64 * 1024];
    private int head;
    private int tail;
    private boolean eof;
    private Body current;
    private boolean finished;

    MultipartStream(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        buf[0] = '\r'; // the first boundary has no CRLF before it: pretend it had
        buf[1] = '\n';
        tail = 2;
    }

    /** The boundary parameter of a multipart/form-data content type, or null. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) return null;
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring(9);
                if (b.length() > 1 && b.startsWith("\"") && b.endsWith("\"")) b = b.substring(1, b.length() - 1);
                return b.isEmpty() || b.length() > 70 ? null : b;
            }
        }
        return null;
    }

    /** The next part, or null after the last; an unread rest of the previous part is skipped. */
    Part next() throws IOException {
        if (finished) return null;
        Body preceding = current == null ? new Body() : current;
        preceding.skipRest();
        require(2);
        if (buf[head] == '-' && buf[head + 1] == '-') {
            finished = true;
            return null;
        }
        String headers = readHeaders();
        String name = null;
        String filename = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("content-disposition")) {
                name = param(value, "name");
                filename = param(value, "filename");
            } else if (key.equals("content-type")) {
                type = value;
            }
        }
        current = new Body();
        return new Part(name, filename, type, current);
    }

    /** Reads the part's header block: after the boundary line up to the empty line. */
    private String readHeaders() throws IOException {
        StringBuilder out = new StringBuilder();
        // rest of the boundary line (transport padding) up to CRLF
        while (true) {
            require(1);
            byte b = buf[head++];
            if (b == '\n') break;
            if (out.length() > 100) throw malformed("a boundary line is too long");
            out.append((char) b);
        }
        out.setLength(0);
        int blank = 0;
        while (true) {
            require(1);
            byte b = buf[head++];
            out.append((char) (b & 0xFF));
            if (out.length() > MAX_HEADER_BYTES) throw malformed("a part's headers are too long");
            if (b == '\n') {
                int len = out.length();
                if (len >= 2 && out.charAt(len - 2) == '\r' && (len == 2 || (len >= 4 && out.charAt(len - 3) == '\n'))) break;
            }
            blank++;
        }
        return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
    }

    private static String param(String header, String name) {
        for (String part : header.split(";")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq < 0 || !p.substring(0, eq).strip().equalsIgnoreCase(name)) continue;
            String v = p.substring(eq + 1).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
            return v;
        }
        return null;
    }

    /** Makes at least {@code n} bytes available at {@code head}; a body that ends first is malformed. */
    private void require(int n) throws IOException {
        while (tail - head < n) {
            if (!fill()) throw malformed("the body ended before the closing boundary");
        }
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        if (head > 0) {
            System.arraycopy(buf, head, buf, 0, tail - head);
            tail -= head;
            head = 0;
        }
        int r = in.read(buf, tail, buf.length - tail);
        if (r < 0) {
            eof = true;
            return false;
        }
        tail += r;
        return true;
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        outer:
        for (int i = head; i + delimiter.length <= tail; i++) {
            if (buf[i] != first) continue;
            for (int j = 1; j < delimiter.length; j++) if (buf[i + j] != delimiter[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static VellumException malformed(String why) {
        return new VellumException.BadRequest("malformed_multipart", "The multipart body is malformed: " + why);
    }

    /** A part's body: bytes up to the next delimiter, which it consumes at its end. */
    private final class Body extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (len == 0) return 0;
            while (tail - head < delimiter.length && fill()) {
                // keep filling until a whole delimiter could be seen
            }
            int at = indexOfDelimiter();
            int safe;
            if (at >= 0) {
                safe = at - head;
            } else if (eof) {
                throw malformed("the body ended before the closing boundary");
            } else {
                safe = tail - head - (delimiter.length - 1);
            }
            if (safe == 0) {
                head += delimiter.length;
                done = true;
                return -1;
            }
            int n = Math.min(len, safe);
            System.arraycopy(buf, head, b, off, n);
            head += n;
            return n;
        }

        void skipRest() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // discard
            }
        }
    }
}
