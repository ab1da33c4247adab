package freezer.core;

/**
 * An input freezer rejects, with the facts a user needs: which file, where, and mpy-cross's
 * type and message. Only the CLI turns it into text and an exit status.
 *
 * <p>{@code line} is mpy-cross's line, 1-based; 0 means the error has no line of its own
 * (mpy-cross reports "name too long" or "bytecode overflow" without a line), in which case
 * {@code hasLine()} is false. {@code offset} is freezer's own: the byte offset in the source as
 * written of what the error is about (the token, the start of the statement or expression), or
 * -1 when unknown; it may lie on another line than mpy-cross's (an error inside a string joined
 * across lines, a bad dedent, which mpy-cross reports at the end of the line before). The CLI
 * turns it into a line and a column.
 * {@code scope} is the name of the scope the compiler was in ({@code <module>}, a function name,
 * {@code <listcomp>}), or null for errors found by the lexer and parser.
 */
public final class CompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorType type;
    private final String file;
    private final int line;
    private final int offset;
    private final String scope;
    private final boolean lineReported;

    public CompileError(ErrorType type, String message, String file, int line, int offset, String scope,
            boolean lineReported) {
        super(message, null, false, false);
        this.type = type;
        this.file = file;
        this.line = line;
        this.offset = offset;
        this.scope = scope;
        this.lineReported = lineReported;
    }

    /** An error mpy-cross reports with a line. */
    public static CompileError at(ErrorType type, String message, String file, int line, int offset, String scope) {
        return new CompileError(type, message, file, line, offset, scope, true);
    }

    /** An error mpy-cross reports without a line; the line and offset are freezer's best guess, or 0 and -1. */
    public static CompileError withoutLine(ErrorType type, String message, String file, int line, int offset) {
        return new CompileError(type, message, file, line, offset, null, false);
    }

    public ErrorType type() {
        return type;
    }

    /** mpy-cross's message text, without the type. */
    public String message() {
        return getMessage();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The byte offset in the source of what the error is about, or -1. */
    public int offset() {
        return offset;
    }

    public String scope() {
        return scope;
    }

    /** Whether mpy-cross names a line for this error. */
    public boolean hasLine() {
        return lineReported;
    }

    /** The same error attributed to another file name (batch mode names files by their path). */
    public CompileError inFile(String otherFile) {
        return new CompileError(type, getMessage(), otherFile, line, offset, scope, lineReported);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + type + ": " + getMessage();
    }
}
