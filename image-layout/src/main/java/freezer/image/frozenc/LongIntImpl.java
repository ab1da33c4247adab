package freezer.image.frozenc;

/** The firmware's MICROPY_LONGINT_IMPL, as mpy-tool.py's {@code -mlongint-impl} names it. */
public enum LongIntImpl {
    NONE("none", 0), LONGLONG("longlong", 1), MPZ("mpz", 2);

    private final String flag;
    private final int number;

    LongIntImpl(String flag, int number) {
        this.flag = flag;
        this.number = number;
    }

    /** The value {@code -mlongint-impl} takes. */
    public String flag() {
        return flag;
    }

    /** The value of the C macro (py/mpconfig.h MICROPY_LONGINT_IMPL_*). */
    public int number() {
        return number;
    }

    public static LongIntImpl ofFlag(String flag) {
        for (LongIntImpl i : values()) {
            if (i.flag.equals(flag)) {
                return i;
            }
        }
        return null;
    }
}
