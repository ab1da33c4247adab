package freezer.image.manifest;

/** The firmware's MICROPY_LONGINT_IMPL (mpy-tool.py's {@code -mlongint-impl}), with the C macro's value. */
public enum LongIntImpl {
    NONE(0), LONGLONG(1), MPZ(2);

    private final int number;

    LongIntImpl(int number) {
        this.number = number;
    }

    /** The value of the C macro (py/mpconfig.h MICROPY_LONGINT_IMPL_*). */
    public int number() {
        return number;
    }
}
