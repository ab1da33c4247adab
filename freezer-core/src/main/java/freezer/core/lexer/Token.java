package freezer.core.lexer;

/**
 * One token: its kind, its text as a byte string (see {@link freezer.core.ByteStrings}), and where
 * it starts (1-based line and column, as py/lexer.c counts them). The text is what lexer.c's token
 * buffer holds: the name or keyword, a number literal as written (without '_', exponent marker
 * 'e'), the decoded value of a string or bytes token (adjacent literals joined); empty for
 * operators, NEWLINE, INDENT, DEDENT and END.
 *
 * <p>{@code offset} is freezer's addition, for error positions: the byte offset in the source as
 * written of what the token stands for (for a token read from injected f-string text, the source
 * character it came from; for DEDENT_MISMATCH, the first token of the badly indented line). Line
 * and column stay lexer.c's, which the line table and mpy-cross's error lines follow.
 */
public record Token(TokenKind kind, String text, int line, int column, int offset) {
}
