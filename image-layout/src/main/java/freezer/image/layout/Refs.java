package freezer.image.layout;

/**
 * What an object's initializer points at, which decides its section under position-independent
 * code (GCC's categorize_decl_for_section): nothing (read-only data), only objects of the same
 * file (data.rel.ro.local), or objects of the firmware (data.rel.ro).
 */
public enum Refs {
    NONE, LOCAL, EXTERN;

    /** Both kinds of pointer together: an extern one decides. */
    public Refs and(Refs other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
