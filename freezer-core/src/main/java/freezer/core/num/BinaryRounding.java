package freezer.core.num;

import java.math.BigInteger;

/**
 * Round-to-nearest-even of an exact binary value {@code mantissa * 2^exponent} to a format
 * with a fixed number of significant bits and a smallest quantum (where denormals stop).
 */
final class BinaryRounding {
    private static final int DOUBLE_BITS = 53;
    private static final int DOUBLE_MIN_QUANTUM_EXPONENT = -1074;
    private static final int DOUBLE_OVERFLOW_EXPONENT = 1024;

    private BinaryRounding() {
    }

    /** A rounded value: {@code mantissa * 2^exponent}. */
    record Rounded(BigInteger mantissa, long exponent) {
        /** The value is at or past 2^limit. */
        boolean reaches(long limit) {
            return mantissa.signum() != 0 && exponent + mantissa.bitLength() > limit;
        }
    }

    /**
     * Rounds {@code mantissa * 2^exponent} (plus less than one unit of its last place when
     * {@code sticky}) to nearest-even with at most {@code precision} bits and no bit below
     * 2^minQuantumExponent. The mantissa must be positive.
     */
    static Rounded round(BigInteger mantissa, long exponent, boolean sticky, int precision,
            long minQuantumExponent) {
        long drop = mantissa.bitLength() - precision;
        if (exponent + drop < minQuantumExponent) {
            drop = minQuantumExponent - exponent;
        }
        if (drop <= 0) {
            if (sticky) {
                throw new IllegalStateException("inexact value without guard bits");
            }
            return new Rounded(mantissa, exponent);
        }
        if (drop > mantissa.bitLength() + 1) {
            // below half of the smallest quantum: rounds to zero
            return new Rounded(BigInteger.ZERO, exponent + drop);
        }
        int d = (int) drop;
        BigInteger kept = mantissa.shiftRight(d);
        boolean roundBit = mantissa.testBit(d - 1);
        boolean below = sticky || mantissa.getLowestSetBit() < d - 1;
        if (roundBit && (below || kept.testBit(0))) {
            kept = kept.add(BigInteger.ONE);
        }
        return new Rounded(kept, exponent + drop);
    }

    /** The double nearest to {@code mantissa * 2^exponent} (ties to even), with overflow to inf. */
    static double toDouble(BigInteger mantissa, long exponent, boolean sticky) {
        if (mantissa.signum() == 0) {
            return 0.0;
        }
        Rounded r = round(mantissa, exponent, sticky, DOUBLE_BITS, DOUBLE_MIN_QUANTUM_EXPONENT);
        if (r.mantissa().signum() == 0) {
            return 0.0;
        }
        if (r.reaches(DOUBLE_OVERFLOW_EXPONENT)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.scalb((double) r.mantissa().longValueExact(), (int) r.exponent());
    }
}
