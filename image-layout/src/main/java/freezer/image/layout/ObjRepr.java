package freezer.image.layout;

/**
 * py/mpconfig.h MICROPY_OBJ_REPR: how an {@code mp_obj_t} holds small ints, qstrs, floats and
 * pointers.
 */
public enum ObjRepr {
    /** Pointers and tagged small ints and qstrs in a word; floats are objects. The default. */
    A,
    /** As A with another tag layout; floats are objects. */
    B,
    /** 30-bit floats inside the word (32-bit targets): no float objects. */
    C,
    /** NaN boxing: a 64-bit mp_obj_t on a 32-bit target; no float objects. */
    D;

    /** Whether float constants are objects (the C's {@code #if MICROPY_OBJ_REPR_A || _B} branch). */
    public boolean hasFloatObjects() {
        return this == A || this == B;
    }

    public static ObjRepr of(String name) {
        for (ObjRepr r : values()) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("object representation " + name + " is not A, B, C or D");
    }
}
