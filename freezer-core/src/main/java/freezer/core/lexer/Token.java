package freezer.core.lexer;

/**
 * One token: its kind, its text as a byte string (see {@link freezer.core.ByteStrings}) for
 * names, numbers, strings and bytes (the decoded value for strings and bytes), and where it
 * starts (1-based line and column, as py/lexer.c counts them).
 */
public record Token(TokenKind kind, String text, int line, int column) {
}
