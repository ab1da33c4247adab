package freezer.core.parse;

/**
 * Float floor division, modulo and power as py/objfloat.c computes them (CPython's rules, on
 * C's fmod, floor and pow). Java's {@code %} on doubles is exact like C's fmod.
 */
final class FloatFolding {
    private FloatFolding() {
    }

    /** objfloat.c mp_obj_float_divmod, floor-division half. */
    static double floorDivide(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0 && (mod < 0) != (y < 0)) {
            div -= 1.0;
        }
        if (div == 0) {
            return Math.copySign(0.0, x / y);
        }
        double floor = Math.floor(div);
        if (div - floor > 0.5) {
            floor += 1.0;
        }
        return floor;
    }

    /** objfloat.c's MODULO: the result takes the sign of the divisor. */
    static double modulo(double x, double y) {
        double mod = x % y;
        if (mod == 0) {
            return Math.copySign(0.0, y);
        }
        if ((mod < 0) != (y < 0)) {
            mod += y;
        }
        return mod;
    }

    /** C pow (glibc's is correctly rounded; placeholder until the exact port lands). */
    static double pow(double x, double y) {
        return StrictMath.pow(x, y);
    }
}
