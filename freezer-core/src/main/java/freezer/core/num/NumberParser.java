package freezer.core.num;

import java.math.BigInteger;

/**
 * Number literals as py/parsenum.c reads them, giving exactly the values x86-64 mpy-cross
 * computes (its float parser scales in long double, which is not correctly rounded).
 * Texts are byte strings (one char per byte, see {@link freezer.core.ByteStrings}).
 */
public final class NumberParser {
    /** Digits are accumulated while the mantissa is below this, so 10 * m + 9 fits 64 bits. */
    private static final long MANTISSA_MAX = 0x1999999999999998L;
    /** The exponent's digits stop counting here, so adding the digit shift cannot overflow. */
    private static final int EXPONENT_DIGITS_LIMIT = (Integer.MAX_VALUE / 2 - 9) / 10;
    /** mp_parse_num_integer keeps a value in a machine word while it fits a 63-bit small int. */
    private static final long SMALL_INT_LIMIT = 1L << 62;

    private static final int IN_INTEGER = 0;
    private static final int IN_FRACTION = 1;
    private static final int IN_EXPONENT = 2;

    private NumberParser() {
    }

    /**
     * mp_parse_num_integer: an integer literal's value.
     *
     * @param text the literal as a byte string
     * @param base 2 to 36, or 0 to take the base from a 0x/0o/0b prefix, as the lexer's
     *     integers do (a leading 0 then allows only zeros)
     */
    public static BigInteger parseInteger(String text, int base) throws NumberSyntaxException {
        if ((base != 0 && base < 2) || base > 36) {
            throw new IllegalArgumentException("base " + base);
        }
        int top = text.length();
        int pos = skipSpace(text, 0, top);
        boolean negative = false;
        if (pos < top && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
            negative = text.charAt(pos) == '-';
            pos++;
        }

        // mp_parse_num_base: a prefix matching the base (or any, in base 0) is skipped; in base
        // 0 a bare leading 0 gives base 1, so that only zeros parse and the message says base 0
        if (top - pos > 1 && text.charAt(pos) == '0') {
            int marker = text.charAt(pos + 1) | 0x20;
            if (marker == 'x' && (base == 0 || base == 16)) {
                base = 16;
                pos += 2;
            } else if (marker == 'o' && (base == 0 || base == 8)) {
                base = 8;
                pos += 2;
            } else if (marker == 'b' && (base == 0 || base == 2)) {
                base = 2;
                pos += 2;
            } else if (base == 0) {
                base = 1;
            }
        } else if (base == 0) {
            base = 10;
        }

        int valueStart = pos;
        long small = 0;
        boolean overflow = false;
        for (; pos < top; pos++) {
            char c = text.charAt(pos);
            if (c == '_') {
                continue;
            }
            int digit = digitValue(c);
            if (digit < 0 || digit >= base) {
                break;
            }
            if (small > (Long.MAX_VALUE - digit) / base) {
                overflow = true;
                break;
            }
            small = small * base + digit;
            if (small >= SMALL_INT_LIMIT) {
                overflow = true;
                break;
            }
        }
        BigInteger value = BigInteger.valueOf(small);
        if (overflow) {
            // past a small int upstream parses again as a big int, and that parse knows no
            // underscores, so it stops at the first one
            pos = valueStart;
            while (pos < top && digitValue(text.charAt(pos)) >= 0 && digitValue(text.charAt(pos)) < base) {
                pos++;
            }
            value = BigDigits.parse(text, valueStart, pos, base);
        }
        int end = skipSpace(text, pos, top);
        if (pos == valueStart || end != top) {
            throw new NumberSyntaxException("invalid syntax for integer with base " + (base == 1 ? 0 : base)
                    + ": " + quoted(text.substring(valueStart)));
        }
        return negative ? value.negate() : value;
    }

    /**
     * mp_parse_num_decimal: a float or imaginary literal's value.
     *
     * @param allowImag whether a trailing j makes it imaginary
     * @param forceComplex whether the result is complex even without j (then a second,
     *     imaginary part may follow the first, as in {@code 1+2j})
     */
    public static ParsedDecimal parseDecimal(String text, boolean allowImag, boolean forceComplex)
            throws NumberSyntaxException {
        int top = text.length();
        int pos = 0;
        boolean haveReal = false;
        boolean haveImag = false;
        double real = 0;
        double value;
        while (true) {
            pos = skipSpace(text, pos, top);
            boolean negative = false;
            if (pos < top && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                negative = text.charAt(pos) == '-';
                pos++;
            }
            int valueStart = pos;
            if (matchesIgnoreCase(text, pos, "inf")) {
                pos += 3;
                value = Double.POSITIVE_INFINITY;
                if (matchesIgnoreCase(text, pos, "inity")) {
                    pos += 5;
                }
            } else if (matchesIgnoreCase(text, pos, "nan")) {
                pos += 3;
                value = Double.NaN;
            } else {
                Scanned scanned = scanFloat(text, pos, top);
                if (scanned == null) {
                    throw invalidNumber();
                }
                pos = scanned.end();
                value = scanned.value();
            }
            if (allowImag && pos < top && (text.charAt(pos) | 0x20) == 'j') {
                if (pos == valueStart) {
                    value = 1; // a lone "j" is 1j
                }
                pos++;
                haveImag = true;
            }
            if (negative) {
                value = -value;
            }
            if (pos == valueStart) {
                throw invalidNumber();
            }
            pos = skipSpace(text, pos, top);
            if (pos != top) {
                if (forceComplex && !haveReal && !haveImag) {
                    real = value;
                    haveReal = true;
                    continue;
                }
                throw invalidNumber();
            }
            break;
        }
        if (haveReal && !haveImag) {
            throw invalidNumber();
        }
        if (haveReal || haveImag) {
            return new ParsedDecimal(real, value, true);
        }
        return new ParsedDecimal(value, 0, forceComplex);
    }

    /** What mp_parse_float_internal read: the value and where it stopped. */
    private record Scanned(double value, int end) {
    }

    /**
     * The double that mp_parse_float_internal makes of an unsigned decimal in
     * {@code text[from, to)}, stopping at the first character it does not know.
     */
    static double parseFloat(String text, int from, int to) {
        Scanned scanned = scanFloat(text, from, to);
        if (scanned == null) {
            throw new IllegalArgumentException("not a decimal: " + text);
        }
        return scanned.value();
    }

    /**
     * mp_parse_float_internal; null where upstream returns NULL (the text ends right after an
     * exponent marker and its sign).
     */
    private static Scanned scanFloat(String text, int pos, int top) {
        int in = IN_INTEGER;
        boolean exponentNegative = false;
        long mantissa = 0;
        int exponent = 0;
        int[] exponentExtra = {0};
        int deferredIntegerZeros = 0;
        int deferredFractionZeros = 0;
        while (pos < top) {
            char c = text.charAt(pos++);
            if (c >= '0' && c <= '9') {
                int digit = c - '0';
                if (in == IN_EXPONENT) {
                    if (exponent < EXPONENT_DIGITS_LIMIT) {
                        exponent = 10 * exponent + digit;
                    }
                } else if (digit == 0 || Long.compareUnsigned(mantissa, MANTISSA_MAX) >= 0) {
                    // zeros wait until a non-zero digit follows (trailing fraction zeros are
                    // dropped); once the mantissa is full every digit counts as a zero
                    if (in == IN_INTEGER) {
                        deferredIntegerZeros++;
                    } else {
                        deferredFractionZeros++;
                    }
                } else {
                    for (; deferredIntegerZeros > 0; deferredIntegerZeros--) {
                        mantissa = acceptDigit(mantissa, 0, exponentExtra, IN_INTEGER);
                    }
                    for (; deferredFractionZeros > 0; deferredFractionZeros--) {
                        mantissa = acceptDigit(mantissa, 0, exponentExtra, IN_FRACTION);
                    }
                    mantissa = acceptDigit(mantissa, digit, exponentExtra, in);
                }
            } else if (in == IN_INTEGER && c == '.') {
                in = IN_FRACTION;
            } else if (in != IN_EXPONENT && (c | 0x20) == 'e') {
                in = IN_EXPONENT;
                if (pos < top) {
                    if (text.charAt(pos) == '+') {
                        pos++;
                    } else if (text.charAt(pos) == '-') {
                        pos++;
                        exponentNegative = true;
                    }
                }
                if (pos == top) {
                    return null;
                }
            } else if (c != '_') {
                pos--;
                break;
            }
        }
        if (exponentNegative) {
            exponent = -exponent;
        }
        exponent += exponentExtra[0] + deferredIntegerZeros;
        double value = LongDouble.fromUnsignedLong(mantissa).timesPowerOfTen(exponent).toDouble();
        return new Scanned(value, pos);
    }

    /** accept_digit: one more digit, or (once the mantissa is full) one more power of ten. */
    private static long acceptDigit(long mantissa, int digit, int[] exponentExtra, int in) {
        if (Long.compareUnsigned(mantissa, MANTISSA_MAX) < 0) {
            if (in == IN_FRACTION) {
                exponentExtra[0]--;
            }
            return 10 * mantissa + digit;
        }
        if (in == IN_INTEGER) {
            exponentExtra[0]++;
        }
        return mantissa;
    }

    private static boolean matchesIgnoreCase(String text, int pos, String word) {
        if (pos + word.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if ((text.charAt(pos + i) | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static NumberSyntaxException invalidNumber() {
        return new NumberSyntaxException("invalid syntax for number");
    }

    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        if (lower >= 'a' && lower <= 'z' && c < 0x80) {
            return lower - 'a' + 10;
        }
        return -1;
    }

    /** unichar_isspace: the ASCII blanks 9 to 13 and space. */
    private static int skipSpace(String text, int pos, int top) {
        while (pos < top && (text.charAt(pos) == ' ' || (text.charAt(pos) >= 9 && text.charAt(pos) <= 13))) {
            pos++;
        }
        return pos;
    }

    /** mp_str_print_quoted for bytes: Python's repr of the text as a bytes body. */
    static String quoted(String bytes) {
        boolean hasSingle = bytes.indexOf('\'') >= 0;
        boolean hasDouble = bytes.indexOf('"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(bytes.length() + 2).append(quote);
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c == quote) {
                out.append('\\').append(c);
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\x%02x", (int) c));
            }
        }
        return out.append(quote).toString();
    }
}
