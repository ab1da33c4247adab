package freezer.core.num;

import java.math.BigInteger;

/**
 * A non-negative C {@code long double} of x86-64: the x87 80-bit extended format, with a 64-bit
 * significand, rounding to nearest-even after every operation, a 15-bit exponent (so it
 * overflows to infinity only past 2^16384 and has denormals below 2^-16382). py/parsenum.c and
 * py/formatfloat.c do their decimal scaling in this type on x86-64 (mp_large_float_t), and the
 * results are not correctly rounded, so freezer repeats each operation bit for bit.
 *
 * <p>A finite non-zero value is {@code significand * 2^exponent} with the significand's top bit
 * (bit 63, unsigned) set.
 */
final class LongDouble {
    static final LongDouble ZERO = new LongDouble(0, 0, false);
    static final LongDouble INFINITY = new LongDouble(0, 0, true);
    static final LongDouble ONE = fromUnsignedLong(1);
    static final LongDouble HALF = new LongDouble(Long.MIN_VALUE, -64, false);

    private static final int SIGNIFICAND_BITS = 64;
    /** The weight of the last bit of the smallest denormal: 2^-16445. */
    private static final int MIN_QUANTUM_EXPONENT = -16382 - 63;
    /** Values at or past 2^16384 overflow. */
    private static final int OVERFLOW_EXPONENT = 16384;

    /** 10^(2^k) as the repeated squaring in mp_decimal_exp computes them. */
    private static final LongDouble[] TEN_TO_TWO_TO;

    static {
        TEN_TO_TWO_TO = new LongDouble[32];
        TEN_TO_TWO_TO[0] = fromUnsignedLong(10);
        for (int k = 1; k < TEN_TO_TWO_TO.length; k++) {
            TEN_TO_TWO_TO[k] = TEN_TO_TWO_TO[k - 1].multiply(TEN_TO_TWO_TO[k - 1]);
        }
    }

    private final long significand;
    private final int exponent;
    private final boolean infinite;

    private LongDouble(long significand, int exponent, boolean infinite) {
        this.significand = significand;
        this.exponent = exponent;
        this.infinite = infinite;
    }

    boolean isZero() {
        return !infinite && significand == 0;
    }

    boolean isInfinite() {
        return infinite;
    }

    /** A uint64 converted to long double: always exact. */
    static LongDouble fromUnsignedLong(long value) {
        if (value == 0) {
            return ZERO;
        }
        int shift = Long.numberOfLeadingZeros(value);
        return new LongDouble(value << shift, -shift, false);
    }

    /** A finite non-negative double widened to long double: always exact. */
    static LongDouble fromDouble(double value) {
        if (Double.isInfinite(value)) {
            return INFINITY;
        }
        if (value == 0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(value);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long fraction = bits & ((1L << 52) - 1);
        LongDouble integer = biased == 0
                ? fromUnsignedLong(fraction)
                : fromUnsignedLong(fraction | (1L << 52));
        int scale = (biased == 0 ? 1 : biased) - 1075;
        return new LongDouble(integer.significand, integer.exponent + scale, false);
    }

    LongDouble multiply(LongDouble other) {
        if (infinite || other.infinite) {
            return INFINITY;
        }
        if (isZero() || other.isZero()) {
            return ZERO;
        }
        long a = significand;
        long b = other.significand;
        long high = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a); // unsigned
        long low = a * b;
        int exp = exponent + other.exponent + 64;
        if (high >= 0) {
            // the product is below 2^127: one more bit comes from the low half
            high = (high << 1) | (low >>> 63);
            low <<= 1;
            exp--;
        }
        if (exp < MIN_QUANTUM_EXPONENT) {
            // a denormal result rounds at a coarser place
            return round(unsigned(a).multiply(unsigned(b)), exponent + other.exponent, false);
        }
        boolean roundBit = low < 0;
        boolean sticky = (low << 1) != 0;
        if (roundBit && (sticky || (high & 1) != 0)) {
            high++;
            if (high == 0) {
                high = Long.MIN_VALUE;
                exp++;
            }
        }
        return exp + SIGNIFICAND_BITS > OVERFLOW_EXPONENT ? INFINITY : new LongDouble(high, exp, false);
    }

    LongDouble divide(LongDouble divisor) {
        if (infinite) {
            return INFINITY;
        }
        if (divisor.infinite || isZero()) {
            return ZERO;
        }
        // 66 extra quotient bits leave a guard bit below the 64 kept; the remainder is sticky
        BigInteger[] qr = unsigned(significand).shiftLeft(66).divideAndRemainder(unsigned(divisor.significand));
        return round(qr[0], exponent - divisor.exponent - 66, qr[1].signum() != 0);
    }

    LongDouble add(LongDouble other) {
        if (infinite || other.infinite) {
            return INFINITY;
        }
        if (isZero()) {
            return other;
        }
        if (other.isZero()) {
            return this;
        }
        LongDouble big = exponent >= other.exponent ? this : other;
        LongDouble small = big == this ? other : this;
        int gap = big.exponent - small.exponent;
        if (gap > 2 * SIGNIFICAND_BITS + 2) {
            // the smaller addend only decides the direction of rounding, like a sticky bit
            return round(unsigned(big.significand).shiftLeft(3).add(BigInteger.ONE), big.exponent - 3, false);
        }
        BigInteger sum = unsigned(big.significand).shiftLeft(gap).add(unsigned(small.significand));
        return round(sum, small.exponent, false);
    }

    /**
     * mp_decimal_exp with long double: {@code this * 10^decExp} by binary powering, multiplying
     * (or dividing, for a negative exponent) by 10^(2^k) for each set bit, the powers being
     * squared one from the other.
     */
    LongDouble timesPowerOfTen(int decExp) {
        if (decExp == 0 || isZero()) {
            return this;
        }
        boolean negative = decExp < 0;
        int remaining = negative ? -decExp : decExp;
        LongDouble result = this;
        for (int k = 0; remaining != 0; k++, remaining >>>= 1) {
            if ((remaining & 1) != 0) {
                LongDouble power = k < TEN_TO_TWO_TO.length ? TEN_TO_TWO_TO[k] : INFINITY;
                result = negative ? result.divide(power) : result.multiply(power);
            }
        }
        return result;
    }

    /** The conversion to double: round to nearest-even at 53 bits, with denormals and overflow. */
    double toDouble() {
        if (infinite) {
            return Double.POSITIVE_INFINITY;
        }
        return BinaryRounding.toDouble(unsigned(significand), exponent, false);
    }

    /** The conversion to uint64, truncating toward zero (the value must be below 2^64). */
    long truncateToUnsignedLong() {
        if (infinite) {
            throw new ArithmeticException("infinite long double");
        }
        if (exponent >= 0) {
            if (exponent > 0 && significand != 0) {
                throw new ArithmeticException("long double out of uint64 range");
            }
            return significand;
        }
        return exponent <= -SIGNIFICAND_BITS ? 0 : significand >>> -exponent;
    }

    private static LongDouble round(BigInteger mantissa, int exp, boolean sticky) {
        BinaryRounding.Rounded r = BinaryRounding.round(mantissa, exp, sticky, SIGNIFICAND_BITS, MIN_QUANTUM_EXPONENT);
        if (r.mantissa().signum() == 0) {
            return ZERO;
        }
        if (r.reaches(OVERFLOW_EXPONENT)) {
            return INFINITY;
        }
        int shift = SIGNIFICAND_BITS - r.mantissa().bitLength();
        return new LongDouble(r.mantissa().shiftLeft(shift).longValue(), (int) r.exponent() - shift, false);
    }

    private static BigInteger unsigned(long value) {
        BigInteger v = BigInteger.valueOf(value & Long.MAX_VALUE);
        return value < 0 ? v.setBit(63) : v;
    }

    @Override
    public String toString() {
        return infinite ? "inf" : unsigned(significand) + "*2^" + exponent;
    }
}
