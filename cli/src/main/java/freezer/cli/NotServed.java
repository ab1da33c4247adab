package freezer.cli;

/**
 * A call the compile daemon does not serve, found before anything was read or written: its
 * client runs it in-process instead (docs/daemon.md).
 */
public final class NotServed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotServed(String message) {
        super(message, null, false, false);
    }
}
