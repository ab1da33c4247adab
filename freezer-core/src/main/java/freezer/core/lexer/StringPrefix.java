package freezer.core.lexer;

import java.util.Map;

/**
 * A string literal's prefix and what it makes of the literal: str or bytes, raw, f-string,
 * t-string. Only these lower-case spellings start a literal (py/lexer.c's
 * {@code is_string_or_bytes}); anything else, {@code R''} or {@code ub''} included, lexes as a
 * name followed by a literal.
 */
record StringPrefix(String spelling, TokenKind kind, boolean raw, boolean format, boolean template) {

    private static final Map<String, StringPrefix> PREFIXES = Map.ofEntries(
            entry(new StringPrefix("", TokenKind.STRING, false, false, false)),
            entry(new StringPrefix("u", TokenKind.STRING, false, false, false)),
            entry(new StringPrefix("r", TokenKind.STRING, true, false, false)),
            entry(new StringPrefix("b", TokenKind.BYTES, false, false, false)),
            entry(new StringPrefix("br", TokenKind.BYTES, true, false, false)),
            entry(new StringPrefix("rb", TokenKind.BYTES, true, false, false)),
            entry(new StringPrefix("f", TokenKind.STRING, false, true, false)),
            entry(new StringPrefix("fr", TokenKind.STRING, true, true, false)),
            entry(new StringPrefix("rf", TokenKind.STRING, true, true, false)),
            entry(new StringPrefix("t", TokenKind.STRING, false, false, true)),
            entry(new StringPrefix("tr", TokenKind.STRING, true, false, true)),
            entry(new StringPrefix("rt", TokenKind.STRING, true, false, true)));

    private static Map.Entry<String, StringPrefix> entry(StringPrefix prefix) {
        return Map.entry(prefix.spelling, prefix);
    }

    /** The prefix of the literal starting at {@code c0 c1 c2}, or null if no literal starts there. */
    static StringPrefix at(int c0, int c1, int c2) {
        if (isQuote(c0)) {
            return PREFIXES.get("");
        }
        if (isQuote(c1)) {
            return PREFIXES.get(String.valueOf((char) c0));
        }
        if (isQuote(c2)) {
            return PREFIXES.get(new String(new char[] {(char) c0, (char) c1}));
        }
        return null;
    }

    int length() {
        return spelling.length();
    }

    private static boolean isQuote(int c) {
        return c == '\'' || c == '"';
    }
}
