package freezer.cli;

import freezer.core.CompileError;
import freezer.core.SourcePosition;

/**
 * One error to report for one input file: where (as far as known), what kind, and mpy-cross's
 * message. Built from a {@link CompileError}, or from a file that could not be read or written.
 *
 * @param file the file as the report names it
 * @param line 1-based; 0 when no position is known. mpy-cross's line when {@code lineReported}
 * @param column 1-based, in characters (Unicode code points, a tab is one) on {@code line}; 0 when
 *     unknown
 * @param lineReported whether mpy-cross names a line for this error; when false, line and column
 *     are only freezer's best guess
 * @param type mpy-cross's exception type ({@code SyntaxError} ...), {@code OSError} for files that
 *     cannot be read or written, {@code InternalError} for a freezer bug
 * @param source the file's bytes, for the excerpt under the message; null when there are none
 * @param offset the byte offset in the file of what the error is about, or -1
 * @param fault where the error really is when that is not on mpy-cross's {@code line} (a bad
 *     dedent, which mpy-cross reports at the end of the line before; an error inside a string
 *     joined across lines); else null
 */
public record Diagnostic(String file, int line, int column, boolean lineReported, String type, String message,
        byte[] source, int offset, SourcePosition fault) {

    static Diagnostic of(CompileError e, String file, byte[] source) {
        boolean reported = e.hasLine() && e.line() > 0;
        int offset = source != null && e.offset() >= 0 && e.offset() <= source.length ? e.offset() : -1;
        if (offset < 0) {
            return new Diagnostic(file, e.line(), 0, reported, e.type().name(), e.message(), source, -1, null);
        }
        SourcePosition at = SourcePosition.of(source, offset);
        if (!reported || at.line() == e.line()) {
            return new Diagnostic(file, at.line(), at.column(), reported, e.type().name(), e.message(), source, offset,
                    null);
        }
        // mpy-cross's line stays first (tools read it); the column says where on it the lexer was
        int lineStart = SourcePosition.lineStart(source, e.line());
        int column = lineStart < 0 ? 1
                : at.line() > e.line() ? SourcePosition.lineLength(source, lineStart) + 1 : 1;
        return new Diagnostic(file, e.line(), column, true, e.type().name(), e.message(), source, offset, at);
    }

    static Diagnostic io(String file, String message) {
        return new Diagnostic(file, 0, 0, false, "OSError", message, null, -1, null);
    }

    /** A failure that is freezer's fault, reported without a stack trace but never hidden. */
    static Diagnostic internal(String file, Throwable t) {
        String what = t instanceof StackOverflowError ? "ran out of stack"
                : t instanceof OutOfMemoryError ? "ran out of memory" : t.toString();
        return new Diagnostic(file, 0, 0, false, "InternalError",
                "freezer failed on this file (" + what + "); this is a bug in freezer, please report it with the file",
                null, -1, null);
    }
}
