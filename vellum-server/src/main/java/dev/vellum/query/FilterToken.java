package dev.vellum.query;

/** One token of a filter: its kind, its text (for strings: the unescaped value) and where it starts. */
record FilterToken(Kind kind, String text, int position) {

    enum Kind {
        WORD("a name"), STRING("a string"), NUMBER("a number"),
        LPAREN("'('"), RPAREN("')'"), LBRACKET("'['"), RBRACKET("']'"), COMMA("','"), DOT("'.'"),
        EQ("'='"), NE("'!='"), LT("'<'"), LE("'<='"), GT("'>'"), GE("'>='"), TILDE("'~'"),
        END("the end of the filter");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** Whether this is the keyword {@code word} (keywords are case-insensitive). */
    boolean is(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case WORD -> "'" + text + "'";
            case STRING -> "the string \"" + text + "\"";
            case NUMBER -> "the number " + text;
            default -> kind.description;
        };
    }
}
