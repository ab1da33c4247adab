package freezer.core.num;

/**
 * Float and complex repr text exactly as x86-64 mpy-cross writes it into a .mpy
 * (py/formatfloat.c with long double, py/objfloat.c and py/objcomplex.c printing).
 */
public final class FloatFormat {
    private FloatFormat() {
    }

    /** repr(x) of a float. */
    public static String repr(double x) {
        // placeholder until the exact port lands
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return Double.toString(x);
    }

    /** repr(z) of a complex number. */
    public static String complexRepr(double real, double imag) {
        // placeholder until the exact port lands
        if (real == 0 && 1 / real > 0) {
            return repr(imag) + "j";
        }
        return "(" + repr(real) + (imag >= 0 ? "+" : "") + repr(imag) + "j)";
    }
}
