package freezer.core.mpy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's repr() of the values mpy-tool.py prints (CPython 3: unicode_repr, bytes_repr,
 * float_repr, complex_repr), for the disassembler's object table and argument lists.
 */
final class PythonRepr {
    private PythonRepr() {
    }

    /**
     * repr() of a str made from these bytes. A byte that is not valid UTF-8 shows as
     * {@code \xNN} inside the quotes (mpy-tool.py cannot decode such a str at all).
     */
    static String str(String byteString) {
        int[] cps = Utf8Text.codePoints(byteString);
        boolean single = false;
        boolean dbl = false;
        for (int cp : cps) {
            single |= cp == '\'';
            dbl |= cp == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder b = new StringBuilder(cps.length + 2).append(quote);
        for (int cp : cps) {
            if (cp >= Utf8Text.INVALID_BASE) {
                hex(b, "\\x", cp - Utf8Text.INVALID_BASE, 2);
            } else if (cp == quote || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                b.append("\\t");
            } else if (cp == '\n') {
                b.append("\\n");
            } else if (cp == '\r') {
                b.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                hex(b, "\\x", cp, 2);
            } else if (PrintableTable.isPrintable(cp)) {
                b.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                hex(b, "\\x", cp, 2);
            } else if (cp <= 0xffff) {
                hex(b, "\\u", cp, 4);
            } else {
                hex(b, "\\U", cp, 8);
            }
        }
        return b.append(quote).toString();
    }

    /** repr() of a bytes object. */
    static String bytes(String byteString) {
        boolean single = byteString.indexOf('\'') >= 0;
        boolean dbl = byteString.indexOf('"') >= 0;
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder b = new StringBuilder(byteString.length() + 3).append('b').append(quote);
        for (int i = 0; i < byteString.length(); i++) {
            int c = byteString.charAt(i) & 0xff;
            if (c == quote || c == '\\') {
                b.append('\\').append((char) c);
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < ' ' || c >= 0x7f) {
                hex(b, "\\x", c, 2);
            } else {
                b.append((char) c);
            }
        }
        return b.append(quote).toString();
    }

    private static void hex(StringBuilder b, String prefix, int value, int digits) {
        String h = Integer.toHexString(value);
        b.append(prefix);
        for (int i = h.length(); i < digits; i++) {
            b.append('0');
        }
        b.append(h);
    }

    /** repr() of a float: the shortest digits that read back as the same double. */
    static String floatRepr(double d) {
        return formatShort(d, true, false);
    }

    /** repr() of a complex. */
    static String complexRepr(double re, double im) {
        if (re == 0 && Math.copySign(1.0, re) > 0) {
            return formatShort(im, false, false) + "j";
        }
        return "(" + formatShort(re, false, false) + formatShort(im, false, true) + "j)";
    }

    /**
     * CPython's PyOS_double_to_string(d, 'r', 0, flags): shortest round-trip digits, fixed
     * notation for decimal exponents -4 <= e < 16, otherwise {@code d.ddde+XX}.
     */
    private static String formatShort(double d, boolean addDot0, boolean sign) {
        if (Double.isNaN(d)) {
            return sign ? "+nan" : "nan";
        }
        String s = d < 0 || (d == 0 && Math.copySign(1.0, d) < 0) ? "-" : sign ? "+" : "";
        if (Double.isInfinite(d)) {
            return s + "inf";
        }
        if (d == 0) {
            return s + (addDot0 ? "0.0" : "0");
        }
        BigDecimal digits = shortest(Math.abs(d));
        String ds = digits.unscaledValue().toString();
        // strip trailing zeros of the digit string, keeping the value
        int n = ds.length();
        while (n > 1 && ds.charAt(n - 1) == '0') {
            n--;
        }
        int decpt = ds.length() - digits.scale();
        ds = ds.substring(0, n);
        StringBuilder b = new StringBuilder(s);
        if (decpt <= -4 || decpt > 16) {
            b.append(ds.charAt(0));
            if (n > 1) {
                b.append('.').append(ds, 1, n);
            }
            int exp = decpt - 1;
            b.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                b.append('0');
            }
            b.append(a);
        } else if (decpt <= 0) {
            b.append("0.");
            for (int i = 0; i < -decpt; i++) {
                b.append('0');
            }
            b.append(ds);
        } else if (decpt >= n) {
            b.append(ds);
            for (int i = n; i < decpt; i++) {
                b.append('0');
            }
            if (addDot0) {
                b.append(".0");
            }
        } else {
            b.append(ds, 0, decpt).append('.').append(ds, decpt, n);
        }
        return b.toString();
    }

    /**
     * The shortest decimal that reads back as d (d finite, positive), the nearest one when
     * several of that length do (David Gay's dtoa mode 0, which CPython's repr uses).
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal near = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (near.doubleValue() == d) {
                return near;
            }
            // at a power of two the interval below d is half the one above: the far side may read back
            BigDecimal other = exact.round(new MathContext(p,
                    near.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR));
            if (other.doubleValue() == d) {
                return other;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
