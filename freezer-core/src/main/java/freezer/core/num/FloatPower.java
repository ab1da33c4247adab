package freezer.core.num;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * C's pow(x, y) for doubles: the special cases of C99 Annex F, and the correctly rounded
 * power for finite operands. mpy-cross calls glibc's pow, which is correctly rounded except
 * for rare cases within a tiny fraction of an ulp of a rounding boundary (its result there
 * depends on glibc's own tables, which freezer does not reproduce).
 *
 * <p>Exact powers (an integer exponent with a result of manageable size, or a power of two)
 * are computed exactly; the rest as exp(y ln x) in fixed point with a proven error bound,
 * with the working precision doubled until the bound decides the rounding.
 */
final class FloatPower {
    /** Above this many bits an exact integer power is not attempted. */
    private static final int EXACT_POWER_BITS = 8192;
    /** exp overflows double past ln(2^1024) ~ 709.8 and underflows below ln(2^-1075) ~ -745.1. */
    private static final double LOG_OVERFLOW = 710;
    private static final double LOG_UNDERFLOW = -746;
    private static final int FIRST_PRECISION = 96;
    private static final int LAST_PRECISION = 1 << 14;

    private FloatPower() {
    }

    static double pow(double x, double y) {
        if (y == 0 || x == 1) {
            return 1.0;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        boolean oddInteger = isOddInteger(y);
        if (Double.isInfinite(y)) {
            double ax = Math.abs(x);
            if (ax == 1) {
                return 1.0;
            }
            return (ax < 1) == (y < 0) ? Double.POSITIVE_INFINITY : 0.0;
        }
        if (x == 0 || Double.isInfinite(x)) {
            // 0^y and inf^y are 0 or inf; their sign survives only for an odd integer y
            boolean big = (x == 0) == (y < 0);
            double magnitude = big ? Double.POSITIVE_INFINITY : 0.0;
            boolean negative = oddInteger && Math.copySign(1.0, x) < 0;
            return negative ? -magnitude : magnitude;
        }
        if (x < 0) {
            if (y != Math.rint(y)) {
                return Double.NaN;
            }
            double magnitude = positivePow(-x, y);
            return oddInteger ? -magnitude : magnitude;
        }
        return positivePow(x, y);
    }

    private static boolean isOddInteger(double y) {
        return Math.abs(y) < 0x1p53 && y == Math.rint(y) && ((long) y & 1) != 0;
    }

    /** x^y for finite x > 0, x != 1 and finite y != 0. */
    private static double positivePow(double x, double y) {
        // x = odd * 2^scale
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) (bits >>> 52) & 0x7ff;
        long significand = biased == 0 ? bits & ((1L << 52) - 1) : (bits & ((1L << 52) - 1)) | (1L << 52);
        int scale = (biased == 0 ? 1 : biased) - 1075;
        int zeros = Long.numberOfTrailingZeros(significand);
        long odd = significand >>> zeros;
        scale += zeros;

        if (odd == 1) {
            // x is a power of two: 2^(scale*y) is exact when scale*y is an integer
            BigDecimal product = new BigDecimal(y).multiply(BigDecimal.valueOf(scale));
            if (product.signum() == 0 || product.stripTrailingZeros().scale() <= 0) {
                return powerOfTwo(product);
            }
        }
        double estimate = y * (StrictMath.log(x) / StrictMath.log(2)); // log2 of the result, roughly
        if (estimate > 1100) {
            return Double.POSITIVE_INFINITY;
        }
        if (estimate < -1200) {
            return 0.0;
        }
        if (y == Math.rint(y) && Math.abs(y) * (64 - Long.numberOfLeadingZeros(odd)) <= EXACT_POWER_BITS) {
            return exactIntegerPower(odd, scale, (long) y);
        }
        return approximatePower(x, y, odd, scale);
    }

    private static double powerOfTwo(BigDecimal exponent) {
        if (exponent.compareTo(BigDecimal.valueOf(1100)) > 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (exponent.compareTo(BigDecimal.valueOf(-1200)) < 0) {
            return 0.0;
        }
        return BinaryRounding.toDouble(BigInteger.ONE, exponent.longValueExact(), false);
    }

    /** (odd * 2^scale)^n computed exactly, then rounded once. */
    private static double exactIntegerPower(long odd, int scale, long n) {
        BigInteger power = BigInteger.valueOf(odd).pow((int) Math.abs(n));
        long exponent = (long) scale * n;
        if (n > 0) {
            return BinaryRounding.toDouble(power, exponent, false);
        }
        // 2^exponent / power: enough quotient bits for a 53-bit result plus guard bits
        int shift = power.bitLength() + 60;
        BigInteger[] qr = BigInteger.ONE.shiftLeft(shift).divideAndRemainder(power);
        return BinaryRounding.toDouble(qr[0], exponent - shift, qr[1].signum() != 0);
    }

    /**
     * exp(y ln x) in fixed point, with Ziv's strategy: the bound on the error must leave the
     * rounding decided, else the precision doubles. A result that stays undecided at every
     * precision is exact (or exactly halfway), which only a dyadic y can give; it is then
     * confirmed exactly.
     */
    private static double approximatePower(double x, double y, long odd, int scale) {
        int yMagnitude = Math.max(0, Math.getExponent(y) + 1);
        for (int precision = FIRST_PRECISION; precision <= LAST_PRECISION; precision *= 2) {
            int w = precision + 64 + yMagnitude;
            FixedPoint fp = new FixedPoint(w);
            BigInteger log = fp.log(x);
            BigInteger t = fp.multiplyExact(log, y);
            // error of t: |y| * (error of log) + 1 ulp, and log's error is below 2^16 ulps
            double tApprox = fp.toDouble(t);
            if (tApprox > LOG_OVERFLOW) {
                return Double.POSITIVE_INFINITY;
            }
            if (tApprox < LOG_UNDERFLOW) {
                return 0.0;
            }
            FixedPoint.Scaled e = fp.exp(t);
            // relative error of e: at most 2^(-precision) (see FixedPoint's bounds)
            BigInteger error = e.mantissa().shiftRight(precision).add(BigInteger.TWO);
            double low = BinaryRounding.toDouble(e.mantissa().subtract(error), e.exponent(), false);
            double high = BinaryRounding.toDouble(e.mantissa().add(error), e.exponent(), false);
            if (low == high) {
                return low;
            }
            if (precision >= 512) {
                Double exact = exactDyadicPower(x, y, odd, scale, e);
                if (exact != null) {
                    return exact;
                }
            }
        }
        throw new ArithmeticException("pow(" + x + ", " + y + ") undecided");
    }

    /**
     * For y = p / 2^j: the 54-bit value c nearest the approximation is the exact result when
     * c^(2^j) = x^p, and then it rounds exactly (a halfway c ties to even).
     */
    private static Double exactDyadicPower(double x, double y, long odd, int scale, FixedPoint.Scaled approx) {
        BigDecimal exactY = new BigDecimal(y);
        int j = Math.max(0, exactY.stripTrailingZeros().scale());
        if (j > 12) {
            return null;
        }
        BigInteger p = exactY.multiply(BigDecimal.valueOf(2).pow(j)).toBigIntegerExact();
        if (p.bitLength() > 24) {
            return null;
        }
        BinaryRounding.Rounded c = BinaryRounding.round(approx.mantissa(), approx.exponent(), false, 54, Long.MIN_VALUE / 4);
        // c^(2^j) as odd * 2^e, against x^p as odd * 2^e
        BigInteger cm = c.mantissa();
        long ce = c.exponent() + cm.getLowestSetBit();
        cm = cm.shiftRight(cm.getLowestSetBit());
        int k = 1 << j;
        BigInteger lhsOdd = cm.pow(k);
        long lhsExp = ce * k;
        int absP = p.abs().intValueExact();
        BigInteger rhsOdd = BigInteger.valueOf(odd).pow(absP);
        long rhsExp = (long) scale * p.longValueExact();
        boolean equal = p.signum() > 0
                ? lhsOdd.equals(rhsOdd) && lhsExp == rhsExp
                : lhsOdd.multiply(rhsOdd).equals(BigInteger.ONE) && lhsExp + rhsExp == 0;
        return equal ? BinaryRounding.toDouble(c.mantissa(), c.exponent(), false) : null;
    }
}
