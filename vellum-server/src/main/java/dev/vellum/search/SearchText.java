package dev.vellum.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * How text becomes the words that are indexed and searched for, the same for documents and queries and
 * on both databases (the databases only store and match these words; neither tokenises nor stems):
 * compatibility decomposition, accents and other marks removed ({@code Café} → {@code cafe}), lower case,
 * split at every character that is not a letter or digit, and English words (a–z only) Porter-stemmed.
 * Scripts written without spaces are split at spaces and punctuation only.
 */
public final class SearchText {
    /** Bump when the analysis changes: indexes built by an older version are rebuilt at start. */
    public static final int VERSION = 1;
    /** Longer tokens are not words (hashes, base64): left out of documents and queries alike. */
    static final int MAX_TOKEN = 64;

    private SearchText() {}

    /** The indexed words of {@code text}, in order. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String t : tokens(text)) out.add(stem(t));
        return out;
    }

    /** The folded tokens of {@code text}, not stemmed. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                continue; // é decomposed is e + a combining accent: the accent goes, the word stays whole
            }
            if (Character.isLetterOrDigit(cp)) {
                token.appendCodePoint(Character.toLowerCase(cp));
            } else {
                flush(token, out);
            }
        }
        flush(token, out);
        return out;
    }

    private static void flush(StringBuilder token, List<String> out) {
        if (token.isEmpty()) return;
        if (token.codePointCount(0, token.length()) <= MAX_TOKEN) out.add(token.toString());
        token.setLength(0);
    }

    /** English words (a–z) by their Porter stem; anything else as it is. */
    static String stem(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 'a' || c > 'z') return token;
        }
        return PorterStemmer.stem(token);
    }
}
