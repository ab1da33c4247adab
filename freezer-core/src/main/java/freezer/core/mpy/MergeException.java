package freezer.core.mpy;

/** Modules that cannot be merged into one .mpy, and why. */
public final class MergeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int part;

    /**
     * @param part the index (in the caller's order) of the module at fault, or -1
     */
    public MergeException(int part, String message) {
        super(message);
        this.part = part;
    }

    /** The index of the module at fault in the list given to {@link Merger#merge}, or -1. */
    public int part() {
        return part;
    }
}
