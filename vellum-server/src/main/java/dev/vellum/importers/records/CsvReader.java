package dev.vellum.importers.records;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, streamed: quoted fields with commas, doubled quotes and line breaks; CRLF or LF; a leading BOM ignored. */
final class CsvReader {
    private final Reader in;
    private final char separator;
    private int peeked = -2;
    private long line = 1;

    CsvReader(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** The line the next record starts on (for error reports). */
    long line() {
        return line;
    }

    /** The next record, or null at the end. */
    List<String> next() throws IOException {
        int c = read();
        if (c == 0xFEFF) c = read();
        if (c == -1) return null;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) throw new IOException("a quoted field is not closed before the end of the file");
                if (c == '"') {
                    int n = read();
                    if (n == '"') field.append('"');
                    else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') peeked = n;
                }
                if (c != -1) line++;
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return in.read();
    }
}
