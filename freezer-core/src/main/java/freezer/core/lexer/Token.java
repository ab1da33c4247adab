package freezer.core.lexer;

/**
 * One token: its kind, its text as a byte string (see {@link freezer.core.ByteStrings}), and where
 * it starts (1-based line and column, as py/lexer.c counts them). The text is what lexer.c's token
 * buffer holds: the name or keyword, a number literal as written (without '_', exponent marker
 * 'e'), the decoded value of a string or bytes token (adjacent literals joined); empty for
 * operators, NEWLINE, INDENT, DEDENT and END.
 */
public record Token(TokenKind kind, String text, int line, int column) {
}
