package freezer.core.mpy;

/**
 * A .mpy (or a function's bytecode) that cannot be read: what is wrong and the byte offset where
 * it was found (an offset into the file, or into the function's bytes for
 * {@link BytecodeFunction#decode}).
 */
public final class MpyFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String problem;

    public MpyFormatException(long offset, String problem) {
        super("offset " + offset + ": " + problem);
        this.offset = offset;
        this.problem = problem;
    }

    /** Where the problem was found. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the offset. */
    public String problem() {
        return problem;
    }
}
