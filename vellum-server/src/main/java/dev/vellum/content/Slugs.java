package dev.vellum.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Slug rules: what a client may send, and how one is made from text. */
public final class Slugs {
    /** Lowercase letters of any script, digits, '.', '_' and '-'; starts with a letter or digit; up to 200. */
    static final Pattern VALID = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Nd}][\\p{Ll}\\p{Lo}\\p{Nd}._-]{0,199}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final int MAX_GENERATED = 80;

    private Slugs() {}

    public static boolean valid(String slug) {
        return VALID.matcher(slug).matches();
    }

    /** "Héllo, World!" → "hello-world"; empty when nothing usable is left. */
    public static String fromText(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_GENERATED) slug = trimDashes(slug.substring(0, MAX_GENERATED));
        return slug;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') start++;
        while (end > start && s.charAt(end - 1) == '-') end--;
        return s.substring(start, end);
    }
}
