package dev.vellum.search;

import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import java.util.ArrayList;
import java.util.List;

/**
 * A full-text query as the client wrote it, read leniently into phrases that must all match: a bare word
 * ({@code java}) is a one-word phrase, {@code "exact words"} a phrase, {@code optim*} a prefix; a word that
 * punctuation splits ({@code e-mail}) is a phrase of its parts; an unclosed quote runs to the end. Words go
 * through {@link SearchText} exactly as documents do. The query reaches the database only as words of letters
 * and digits, rewritten into each engine's syntax here: no user text is ever MATCH or tsquery syntax.
 */
public record SearchTerms(String text, List<Phrase> phrases) {
    public static final int MAX_LENGTH = 500;
    public static final int MAX_WORDS = 32;
    static final int MIN_PREFIX = 2;

    /** Consecutive words; with {@code prefix}, the last one matches any word it starts. */
    public record Phrase(List<String> words, boolean prefix) {
        public Phrase {
            words = List.copyOf(words);
        }
    }

    public SearchTerms {
        phrases = List.copyOf(phrases);
    }

    /** The query in {@code text}, or null when there is none (absent or blank). 400 {@code invalid_search} when it cannot run. */
    public static SearchTerms parse(String text) {
        if (text == null || text.isBlank()) return null;
        if (text.length() > MAX_LENGTH) throw invalid("too_long", "search is at most " + MAX_LENGTH + " characters");
        List<Phrase> phrases = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) end = n;
                String inner = text.substring(i + 1, end).strip();
                boolean prefix = inner.endsWith("*");
                add(phrases, inner, prefix);
                i = end + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') end++;
                String word = text.substring(i, end);
                add(phrases, word, word.endsWith("*"));
                i = end;
            }
        }
        if (phrases.isEmpty()) throw invalid("no_words", "search has no words to look for (letters or digits)");
        int words = phrases.stream().mapToInt(p -> p.words().size()).sum();
        if (words > MAX_WORDS) throw invalid("too_many_words", "search has at most " + MAX_WORDS + " words");
        return new SearchTerms(text, phrases);
    }

    private static void add(List<Phrase> phrases, String raw, boolean prefix) {
        List<String> tokens = SearchText.tokens(raw);
        if (tokens.isEmpty()) return;
        List<String> words = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            boolean last = i == tokens.size() - 1;
            String t = tokens.get(i);
            if (prefix && last) {
                if (t.codePointCount(0, t.length()) < MIN_PREFIX) {
                    throw invalid("prefix_too_short", "a prefix (word*) needs at least " + MIN_PREFIX + " letters or digits");
                }
                words.add(t); // a prefix is matched against stems as typed: "optim*" finds "optimisation" (stem "optimis")
            } else {
                words.add(SearchText.stem(t));
            }
        }
        phrases.add(new Phrase(words, prefix));
    }

    /** The query in SQLite FTS5 syntax: quoted phrases (implicitly ANDed), {@code *} after a prefix phrase. */
    public String fts5() {
        StringBuilder out = new StringBuilder();
        for (Phrase p : phrases) {
            if (!out.isEmpty()) out.append(' ');
            out.append('"').append(String.join(" ", p.words())).append('"');
            if (p.prefix()) out.append('*');
        }
        return out.toString();
    }

    /** The query as a PostgreSQL {@code tsquery} literal: quoted lexemes, {@code <->} within phrases, {@code &} between. */
    public String tsquery() {
        List<String> parts = new ArrayList<>();
        for (Phrase p : phrases) {
            List<String> lexemes = new ArrayList<>();
            for (int i = 0; i < p.words().size(); i++) {
                boolean prefix = p.prefix() && i == p.words().size() - 1;
                lexemes.add("'" + p.words().get(i) + "'" + (prefix ? ":*" : ""));
            }
            parts.add(lexemes.size() == 1 ? lexemes.getFirst() : "(" + String.join(" <-> ", lexemes) + ")");
        }
        return String.join(" & ", parts);
    }

    private static VellumException invalid(String code, String message) {
        return new VellumException.BadRequest("invalid_search", "The search is not valid: " + message,
                List.of(new FieldError("search", code, message)));
    }
}
