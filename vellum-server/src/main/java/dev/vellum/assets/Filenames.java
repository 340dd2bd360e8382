package dev.vellum.assets;

/** File names as clients send them, made safe to keep and to put in a URL or header: no path, no control characters. */
final class Filenames {
    private static final int MAX = 200;

    private Filenames() {}

    static String clean(String name) {
        if (name == null) return null;
        String s = name.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> c >= 0x20 && c != 0x7F && !Character.isISOControl(c) && c != '"').forEach(out::appendCodePoint);
        String t = out.toString().strip();
        while (t.startsWith(".")) t = t.substring(1);
        if (t.isEmpty()) return null;
        if (t.length() > MAX) {
            int dot = t.lastIndexOf('.');
            String ext = dot > 0 && t.length() - dot <= 10 ? t.substring(dot) : "";
            t = t.substring(0, MAX - ext.length()) + ext;
        }
        return t;
    }
}
