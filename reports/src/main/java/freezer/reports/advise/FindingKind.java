package freezer.reports.advise;

/** The suggestions the advisor makes, each from MicroPython's optimisation guide; the names are in JSON. */
public enum FindingKind {
    /** A module-level int assigned once becomes {@code const()}, private ({@code _NAME}) when nothing outside reads it. */
    CONST("const"),
    /** A list of constants that is never changed becomes a bytes or tuple literal, which stays in flash. */
    LITERAL("literal"),
    /** A global read on every pass of a function's loop gets a local alias before the loop. */
    LOOP_GLOBAL("loop-global");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
