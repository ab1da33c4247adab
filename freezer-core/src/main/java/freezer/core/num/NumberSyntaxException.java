package freezer.core.num;

/**
 * A number literal mpy-cross rejects, with its message (for example
 * {@code invalid syntax for integer with base 16: ''}). The parser reports it as a SyntaxError
 * at the literal's line, as py/parsenum.c does when called from the parser.
 */
public final class NumberSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public NumberSyntaxException(String message) {
        super(message, null, false, false);
    }
}
