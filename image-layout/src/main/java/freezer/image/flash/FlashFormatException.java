package freezer.image.flash;

/** A flash image (Intel HEX or UF2) that cannot be read: what is wrong and the byte offset where it was found. */
public final class FlashFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String problem;

    public FlashFormatException(long offset, String problem) {
        super("offset " + offset + ": " + problem);
        this.offset = offset;
        this.problem = problem;
    }

    public long offset() {
        return offset;
    }

    /** What is wrong, without the offset. */
    public String problem() {
        return problem;
    }
}
