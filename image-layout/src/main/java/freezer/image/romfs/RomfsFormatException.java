package freezer.image.romfs;

/** A ROMFS image that cannot be read: what is wrong and the byte offset in the image where it was found. */
public final class RomfsFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String problem;

    public RomfsFormatException(long offset, String problem) {
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
