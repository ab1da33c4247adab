package freezer.core;

/**
 * An input freezer rejects, with the facts a user needs: which file, where, and mpy-cross's
 * type and message. Only the CLI turns it into text and an exit status.
 *
 * <p>{@code line} and {@code column} are 1-based; 0 means the error has no position of its own
 * (mpy-cross reports "name too long" or "bytecode overflow" without a line), in which case
 * {@code hasLine()} is false but the position may still point at the best place freezer knows.
 * {@code scope} is the name of the scope the compiler was in ({@code <module>}, a function name,
 * {@code <listcomp>}), or null for errors found by the lexer and parser.
 */
public final class CompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorType type;
    private final String file;
    private final int line;
    private final int column;
    private final String scope;
    private final boolean lineReported;

    public CompileError(ErrorType type, String message, String file, int line, int column, String scope,
            boolean lineReported) {
        super(message, null, false, false);
        this.type = type;
        this.file = file;
        this.line = line;
        this.column = column;
        this.scope = scope;
        this.lineReported = lineReported;
    }

    /** An error mpy-cross reports with a line. */
    public static CompileError at(ErrorType type, String message, String file, int line, int column, String scope) {
        return new CompileError(type, message, file, line, column, scope, true);
    }

    /** An error mpy-cross reports without a line; the position is freezer's best guess, or 0. */
    public static CompileError withoutLine(ErrorType type, String message, String file, int line, int column) {
        return new CompileError(type, message, file, line, column, null, false);
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

    public int column() {
        return column;
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
        return new CompileError(type, getMessage(), otherFile, line, column, scope, lineReported);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + type + ": " + getMessage();
    }
}
