package freezer.core.num;

import java.math.BigInteger;

/**
 * ln and exp in binary fixed point for {@link FloatPower}: a value v is the integer
 * round(v * 2^bits). Series run with {@link #GUARD} extra bits so that their accumulated
 * truncation errors stay below one unit of the result's last place.
 */
final class FixedPoint {
    private static final int GUARD = 40;

    private final int bits;
    /** Internal precision: bits + GUARD. */
    private final int g;
    private final BigInteger one;
    private final BigInteger ln2;

    /** {@code mantissa * 2^exponent}. */
    record Scaled(BigInteger mantissa, long exponent) {
    }

    FixedPoint(int bits) {
        this.bits = bits;
        this.g = bits + GUARD;
        this.one = BigInteger.ONE.shiftLeft(g);
        // ln 2 = 2 atanh(1/3)
        this.ln2 = atanh(one.divide(BigInteger.valueOf(3))).shiftLeft(1);
    }

    /**
     * ln x for a finite positive double, within 2 units of 2^-bits: x = f * 2^e with f near 1,
     * and ln f = 2 atanh((f - 1) / (f + 1)).
     */
    BigInteger log(double x) {
        long raw = Double.doubleToRawLongBits(x);
        int biased = (int) (raw >>> 52) & 0x7ff;
        long significand = biased == 0 ? raw & ((1L << 52) - 1) : (raw & ((1L << 52) - 1)) | (1L << 52);
        int scale = (biased == 0 ? 1 : biased) - 1075;
        int width = 64 - Long.numberOfLeadingZeros(significand);
        BigInteger sig = BigInteger.valueOf(significand);
        long e = (long) scale + width - 1;
        BigInteger f = sig.shiftLeft(g - (width - 1)); // f = x / 2^e in [1, 2)
        // keep f below sqrt 2 so the series converges fast: f^2 > 2 <=> sig^2 > 2^(2 width - 1)
        if (sig.multiply(sig).compareTo(BigInteger.ONE.shiftLeft(2 * width - 1)) > 0) {
            f = f.shiftRight(1);
            e++;
        }
        BigInteger z = f.subtract(one).shiftLeft(g).divide(f.add(one));
        BigInteger log = atanh(z).shiftLeft(1).add(ln2.multiply(BigInteger.valueOf(e)));
        return log.shiftRight(GUARD);
    }

    /** v * y exactly, then truncated to fixed point (one unit of error at most). */
    BigInteger multiplyExact(BigInteger v, double y) {
        long raw = Double.doubleToRawLongBits(y);
        int biased = (int) (raw >>> 52) & 0x7ff;
        long significand = biased == 0 ? raw & ((1L << 52) - 1) : (raw & ((1L << 52) - 1)) | (1L << 52);
        int scale = (biased == 0 ? 1 : biased) - 1075;
        BigInteger product = v.multiply(BigInteger.valueOf(y < 0 ? -significand : significand));
        return scale >= 0 ? product.shiftLeft(scale) : product.shiftRight(-scale);
    }

    /** An approximation of a fixed-point value as a double (for range checks). */
    double toDouble(BigInteger v) {
        return Math.scalb(v.shiftRight(bits - 60).doubleValue(), -60);
    }

    /**
     * exp t for |t| below about 750: t = k ln 2 + r with |r| <= ln 2 / 2, and exp r by its
     * Taylor series; the relative error is below 2^-bits plus t's own error.
     */
    Scaled exp(BigInteger t) {
        BigInteger tg = t.shiftLeft(GUARD);
        BigInteger[] qr = tg.add(ln2.shiftRight(1)).divideAndRemainder(ln2);
        BigInteger k = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0]; // floor
        BigInteger r = tg.subtract(k.multiply(ln2));
        BigInteger sum = one;
        BigInteger term = one;
        for (int n = 1; term.signum() != 0; n++) {
            term = truncate(term.multiply(r), g).divide(BigInteger.valueOf(n));
            sum = sum.add(term);
        }
        return new Scaled(sum, k.longValueExact() - g);
    }

    /** v / 2^shift rounded toward zero, so that series of alternating terms reach zero. */
    private static BigInteger truncate(BigInteger v, int shift) {
        return v.signum() < 0 ? v.negate().shiftRight(shift).negate() : v.shiftRight(shift);
    }

    /** atanh z = z + z^3/3 + z^5/5 + ... for |z| <= 1/3, in internal precision. */
    private BigInteger atanh(BigInteger z) {
        BigInteger z2 = z.multiply(z).shiftRight(g);
        BigInteger power = z;
        BigInteger sum = z;
        for (long n = 3; power.signum() != 0; n += 2) {
            power = truncate(power.multiply(z2), g);
            sum = sum.add(power.divide(BigInteger.valueOf(n)));
        }
        return sum;
    }
}
