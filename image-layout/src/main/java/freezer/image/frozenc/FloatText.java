package freezer.image.frozenc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How mpy-tool.py prints a float constant: Python's {@code "%.16g" % x} for the C literal, and
 * the bit patterns of its MICROPY_OBJ_REPR_C and _D branches ({@code struct.pack} of the value,
 * plus the representation's offset, in Python's unbounded ints).
 */
final class FloatText {
    private static final int PRECISION = 16;
    private static final MathContext SIXTEEN = new MathContext(PRECISION, RoundingMode.HALF_EVEN);
    /** REPR_C stores a float as its single-precision bits, low two bits replaced by 0b10, plus this. */
    private static final long REPR_C_OFFSET = 0x80800000L;
    /** REPR_D stores a float as its double bits plus this (nan-boxing). */
    private static final BigInteger REPR_D_OFFSET = new BigInteger("8004000000000000", 16);

    private FloatText() {
    }

    /**
     * Python's {@code "%.16g" % x}: 16 significant digits, correctly rounded (half to even on
     * the exact binary value), fixed notation for decimal exponents from -4 to 15, trailing
     * zeros dropped; {@code inf}, {@code -inf}, {@code nan} (never {@code -nan}).
     */
    static String percent16g(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        boolean negative = x < 0 || x == 0 && 1 / x < 0;
        String sign = negative ? "-" : "";
        if (Double.isInfinite(x)) {
            return sign + "inf";
        }
        if (x == 0) {
            return sign + "0";
        }
        BigDecimal rounded = new BigDecimal(Math.abs(x)).round(SIXTEEN);
        String digits = rounded.unscaledValue().toString();
        // the decimal exponent of the first digit
        int exp = digits.length() - 1 - rounded.scale();
        digits = stripZeros(digits);
        StringBuilder b = new StringBuilder(sign);
        if (exp < -4 || exp >= PRECISION) {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            b.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                b.append('0');
            }
            b.append(a);
        } else if (exp < 0) {
            b.append("0.");
            for (int i = -1; i > exp; i--) {
                b.append('0');
            }
            b.append(digits);
        } else if (digits.length() <= exp + 1) {
            b.append(digits);
            for (int i = digits.length(); i <= exp; i++) {
                b.append('0');
            }
        } else {
            b.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return b.toString();
    }

    private static String stripZeros(String digits) {
        int n = digits.length();
        while (n > 1 && digits.charAt(n - 1) == '0') {
            n--;
        }
        return digits.substring(0, n);
    }

    /**
     * Whether {@code struct.pack("<f", x)} fails: a finite double whose nearest float is an
     * infinity ("float too large to pack with f format").
     */
    static boolean overflowsFloat(double x) {
        return !Double.isInfinite(x) && !Double.isNaN(x) && Float.isInfinite((float) x);
    }

    /** The single-precision bits {@code struct.pack("<f", x)} gives (a quiet NaN keeps its sign). */
    static long floatBits(double x) {
        if (Double.isNaN(x)) {
            long d = Double.doubleToRawLongBits(x);
            // a C cast keeps the sign and the top payload bits, and sets the quiet bit
            return (d >>> 63) << 31 | 0x7fc00000L | (d >>> 29) & 0x3fffffL;
        }
        return Float.floatToRawIntBits((float) x) & 0xffffffffL;
    }

    /** The REPR_C branch's value, as mpy-tool.py prints it ({@code %08x}; may need 9 digits). */
    static String reprC(double x) {
        long n = floatBits(x);
        n = ((n & ~0x3L) | 2) + REPR_C_OFFSET;
        return String.format("0x%08x", n);
    }

    /** The REPR_D branch's value ({@code %016x}; 17 digits when the sum passes 2^64). */
    static String reprD(double x) {
        BigInteger bits = new BigInteger(Long.toUnsignedString(Double.doubleToRawLongBits(x)));
        String hex = bits.add(REPR_D_OFFSET).toString(16);
        StringBuilder b = new StringBuilder("0x");
        for (int i = hex.length(); i < 16; i++) {
            b.append('0');
        }
        return b.append(hex).toString();
    }

    /**
     * Whether a C compiler that reads float literals in single precision turns this nonzero
     * literal into zero (GCC: "floating constant truncated to zero").
     */
    static boolean truncatesToZeroInFloat(String literal, double x) {
        return x != 0 && !Double.isNaN(x) && !Double.isInfinite(x) && Float.parseFloat(literal) == 0f;
    }
}
