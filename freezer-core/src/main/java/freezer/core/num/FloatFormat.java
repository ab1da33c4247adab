package freezer.core.num;

/**
 * Float and complex repr text exactly as x86-64 mpy-cross writes it into a .mpy: py/objfloat.c
 * and py/objcomplex.c print through py/formatfloat.c's 'g' format with the repr precision.
 *
 * <p>That formatter (the exact variant, scaling in long double) tries 16 significant digits,
 * then 17, 18 and 19, and keeps the first text that its own parser reads back as the same
 * double; the digits come from rounding {@code f * 10^k} in long double, not from a
 * correctly rounded conversion, so only a bit-exact repetition gives the same text.
 */
public final class FloatFormat {
    /** MAX_MANTISSA_DIGITS for double: the most digits the repr tries. */
    private static final int MAX_DIGITS = 19;
    /** SAFE_MANTISSA_DIGITS for double: the digits the repr tries first. */
    private static final int FIRST_DIGITS = 16;
    /** Exponents from 0 up to this are written out as zeros (to match CPython's repr). */
    private static final int MAX_EXP_ZEROS = 16;
    /** The marker for "no decimal point among the digits" (a "0.000" prefix was written). */
    private static final int NO_DOT = 255;

    private FloatFormat() {
    }

    /** repr(x) of a float: always with a '.', an 'e' or letters, as float_print adds ".0". */
    public static String repr(double x) {
        String text = format(x, false);
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('n') < 0) {
            return text + ".0";
        }
        return text;
    }

    /** repr(z) of a complex number: {@code 2j} when the real part is zero, else {@code (1+2j)}. */
    public static String complexRepr(double real, double imag) {
        if (real != 0) {
            return "(" + format(real, false) + format(imag, true) + "j)";
        }
        return format(imag, false) + "j";
    }

    /** mp_format_float(f, 'g', MP_FLOAT_REPR_PREC) with an optional '+' for positive values. */
    private static String format(double f, boolean showSign) {
        String sign = showSign ? "+" : "";
        if (Double.isNaN(f)) {
            return sign + "nan";
        }
        if (f < 0 || (f == 0 && 1 / f < 0)) {
            f = -f;
            sign = "-";
        }
        if (Double.isInfinite(f)) {
            return sign + "inf";
        }
        int e = decimalExponent(f);
        for (int digits = FIRST_DIGITS;; digits++) {
            String text = formatDigits(f, e, digits);
            // below the maximum, a text is kept only if it reads back as the same double
            if (digits == MAX_DIGITS || NumberParser.parseFloat(text, 0, text.length()) == f) {
                return sign + text;
            }
        }
    }

    /**
     * The power of ten of f's leading digit as mp_format_float finds it: an estimate from the
     * binary exponent, corrected against powers of ten rounded from long double to double.
     */
    private static int decimalExponent(double f) {
        if (f == 0) {
            return 0;
        }
        int binaryExponent = (int) ((Double.doubleToRawLongBits(f) >>> 52) & 0x7ff) - 1023;
        int e = (int) (binaryExponent * 0.3010299956639812);
        boolean atLeastOne = f >= 1.0;
        int offset = atLeastOne ? 1 : 0;
        while ((f >= powerOfTen(e + offset)) == atLeastOne) {
            e += atLeastOne ? 1 : -1;
        }
        return e;
    }

    private static double powerOfTen(int n) {
        return LongDouble.ONE.timesPowerOfTen(n).toDouble();
    }

    /** One attempt of mp_format_float with {@code digits} significant digits. */
    private static String formatDigits(double f, int e, int digits) {
        int decimalShift = f == 0 ? 0 : digits - e - 1;
        long cap = 10;
        for (int n = 1; n < digits; n++) {
            cap *= 10;
        }
        long mantissa = LongDouble.fromDouble(f).timesPowerOfTen(decimalShift).add(LongDouble.HALF)
                .truncateToUnsignedLong();
        return formatMantissa(mantissa, cap, digits, MAX_DIGITS - digits, e);
    }

    /** mp_format_mantissa for the 'g' format: the digits with a point, zeros and exponent. */
    private static String formatMantissa(long mantissa, long cap, int numDigits, int trailingZeros, int e) {
        StringBuilder s = new StringBuilder(32);
        int dec = 0;
        if (mantissa != 0 && Long.compareUnsigned(mantissa, cap) >= 0) {
            // rounding made one digit too many
            mantissa = Long.divideUnsigned(mantissa, 10);
            e++;
        }
        if (e != 0) {
            if (e > 0) {
                if (e < MAX_EXP_ZEROS) {
                    dec += e;
                    if (dec >= numDigits) {
                        trailingZeros = dec - (numDigits - 1);
                    }
                    e = 0;
                }
            } else if (e >= -4) {
                // small negative exponents become leading zeros: "0.00" then the digits
                int dropped = 0;
                while (e < 0 && Long.remainderUnsigned(mantissa, 10) == 0) {
                    mantissa = Long.divideUnsigned(mantissa, 10);
                    dropped++;
                    e++;
                }
                numDigits -= dropped;
                s.append("0.");
                for (int n = dropped - e - 1; n > 0; n--) {
                    s.append('0');
                }
                dec = NO_DOT;
                e = 0;
            }
        }

        char[] digitChars = new char[numDigits];
        for (int digit = numDigits - 1; digit >= 0; digit--) {
            digitChars[digit] = (char) ('0' + Long.remainderUnsigned(mantissa, 10));
            mantissa = Long.divideUnsigned(mantissa, 10);
        }
        boolean dot = dec >= NO_DOT;
        if (dec + 1 < numDigits) {
            dot = true;
            s.append(digitChars, 0, dec + 1).append('.').append(digitChars, dec + 1, numDigits - dec - 1);
        } else {
            s.append(digitChars);
        }

        if (trailingZeros > 0) {
            dec -= numDigits - 1;
            while (trailingZeros-- > 0) {
                if (dec-- == 0) {
                    s.append('.');
                    dot = true;
                }
                s.append('0');
            }
        }
        if (dot) {
            // 'g' drops zeros after the point, and the point if nothing follows it
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s.setLength(end);
        }

        if (e != 0) {
            s.append('e').append(e > 0 ? '+' : '-');
            int magnitude = Math.abs(e);
            if (magnitude >= 100) {
                s.append((char) ('0' + magnitude / 100));
            }
            s.append((char) ('0' + magnitude / 10 % 10)).append((char) ('0' + magnitude % 10));
        }
        return s.toString();
    }
}
