package freezer.core.num;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Digit strings to BigInteger in less than quadratic time. {@code new BigInteger(String)}
 * multiplies in one digit group at a time, which is quadratic: a literal of a million digits
 * would take half a minute and one of ten million hours. Splitting the digits in halves and
 * joining them with one large multiplication lets BigInteger's Karatsuba and Toom-Cook
 * multiplication do the work.
 */
public final class BigDigits {
    /** Below this many digits BigInteger's own constructor is as fast. */
    private static final int DIRECT = 1 << 10;

    private BigDigits() {
    }

    /** The value of {@code digits[from, to)}, each a digit of {@code radix} (no sign, no '_'). */
    public static BigInteger parse(CharSequence digits, int from, int to, int radix) {
        int n = to - from;
        if (n <= DIRECT) {
            return new BigInteger(digits.subSequence(from, to).toString(), radix);
        }
        // powers[k] = radix^(DIRECT * 2^k): the low half of each split is such a block
        List<BigInteger> powers = new ArrayList<>();
        powers.add(BigInteger.valueOf(radix).pow(DIRECT));
        while ((long) DIRECT << powers.size() < n) {
            BigInteger last = powers.get(powers.size() - 1);
            powers.add(last.multiply(last));
        }
        return parse(digits, from, to, radix, powers, powers.size() - 1);
    }

    /** {@code digits[from, to)}, at most {@code DIRECT * 2^(level+1)} of them. */
    private static BigInteger parse(CharSequence digits, int from, int to, int radix, List<BigInteger> powers,
            int level) {
        int n = to - from;
        if (n <= DIRECT) {
            return new BigInteger(digits.subSequence(from, to).toString(), radix);
        }
        while ((long) DIRECT << level >= n) {
            level--;
        }
        int low = DIRECT << level;
        BigInteger high = parse(digits, from, to - low, radix, powers, level);
        BigInteger rest = parse(digits, to - low, to, radix, powers, level - 1);
        return high.multiply(powers.get(level)).add(rest);
    }
}
