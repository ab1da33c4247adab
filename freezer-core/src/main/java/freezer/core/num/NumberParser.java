package freezer.core.num;

import freezer.core.ByteStrings;
import java.math.BigInteger;

/**
 * Number literals as py/parsenum.c reads them, giving exactly the values x86-64 mpy-cross
 * computes (its float parser uses long double arithmetic, not correctly rounded conversion).
 */
public final class NumberParser {
    private NumberParser() {
    }

    /**
     * mp_parse_num_integer: an integer literal's value.
     *
     * @param text the literal as a byte string
     * @param base 0 to take the base from a 0x/0o/0b prefix, as the lexer's integers do
     */
    public static BigInteger parseInteger(String text, int base) throws NumberSyntaxException {
        // placeholder until the exact port lands
        String s = ByteStrings.toText(text).replace("_", "");
        try {
            if (base == 0) {
                if (s.startsWith("0x") || s.startsWith("0X")) {
                    return new BigInteger(s.substring(2), 16);
                } else if (s.startsWith("0o") || s.startsWith("0O")) {
                    return new BigInteger(s.substring(2), 8);
                } else if (s.startsWith("0b") || s.startsWith("0B")) {
                    return new BigInteger(s.substring(2), 2);
                }
                return new BigInteger(s, 10);
            }
            return new BigInteger(s, base);
        } catch (NumberFormatException e) {
            throw new NumberSyntaxException("invalid syntax for integer with base " + base + ": '" + s + "'");
        }
    }

    /**
     * mp_parse_num_float: a float or imaginary literal's value.
     *
     * @param allowImag whether a trailing j makes it imaginary
     * @param forceComplex whether the result is complex even without j
     */
    public static ParsedDecimal parseDecimal(String text, boolean allowImag, boolean forceComplex)
            throws NumberSyntaxException {
        // placeholder until the exact port lands
        String s = ByteStrings.toText(text).replace("_", "");
        boolean imag = allowImag && (s.endsWith("j") || s.endsWith("J"));
        if (imag) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            double d = Double.parseDouble(s);
            return imag ? new ParsedDecimal(0, d, true) : new ParsedDecimal(d, 0, forceComplex);
        } catch (NumberFormatException e) {
            throw new NumberSyntaxException("invalid syntax for number");
        }
    }
}
