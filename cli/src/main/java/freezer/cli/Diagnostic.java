package freezer.cli;

import freezer.core.CompileError;

/**
 * One error to report for one input file: where (as far as known), what kind, and mpy-cross's
 * message. Built from a {@link CompileError}, or from a file that could not be read or written.
 *
 * @param file the file as the report names it
 * @param line 1-based; 0 when no position is known
 * @param column 1-based, counted as py/lexer.c counts (tabs to multiples of 8); 0 when unknown
 * @param lineReported whether mpy-cross names a line for this error; when false, line and column
 *     are only freezer's best guess
 * @param type mpy-cross's exception type ({@code SyntaxError} ...), {@code OSError} for files that
 *     cannot be read or written, {@code InternalError} for a freezer bug
 * @param source the file's bytes, for the excerpt under the message; null when there are none
 */
public record Diagnostic(String file, int line, int column, boolean lineReported, String type, String message,
        byte[] source) {

    static Diagnostic of(CompileError e, String file, byte[] source) {
        return new Diagnostic(file, e.line(), e.column(), e.hasLine() && e.line() > 0, e.type().name(), e.message(),
                source);
    }

    static Diagnostic io(String file, String message) {
        return new Diagnostic(file, 0, 0, false, "OSError", message, null);
    }

    /** A failure that is freezer's fault, reported without a stack trace but never hidden. */
    static Diagnostic internal(String file, Throwable t) {
        String what = t instanceof StackOverflowError ? "ran out of stack"
                : t instanceof OutOfMemoryError ? "ran out of memory" : t.toString();
        return new Diagnostic(file, 0, 0, false, "InternalError",
                "freezer failed on this file (" + what + "); this is a bug in freezer, please report it with the file",
                null);
    }
}
