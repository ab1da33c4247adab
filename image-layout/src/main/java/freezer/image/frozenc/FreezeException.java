package freezer.image.frozenc;

/**
 * What mpy-tool.py cannot freeze (it fails, and so does freezer): a message naming the module
 * and the constant or function at fault.
 */
public final class FreezeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String module;

    public FreezeException(String module, String message) {
        super(message);
        this.module = module;
    }

    /** The module's frozen name or source, or null. */
    public String module() {
        return module;
    }

    /** The text the CLI prints. */
    public String text() {
        return (module == null ? "" : module + ": ") + getMessage();
    }
}
