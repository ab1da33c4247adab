package freezer.image.qstr;

/** A firmware qstr header that cannot be used, with the file and (when known) the line at fault. */
public final class QstrHeaderException extends Exception {
    private static final long serialVersionUID = 1L;

    public QstrHeaderException(String message) {
        super(message);
    }
}
