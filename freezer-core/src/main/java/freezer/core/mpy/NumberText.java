package freezer.core.mpy;

import freezer.core.num.BigDigits;
import java.math.BigInteger;

/**
 * The number texts a .mpy stores for int, float and complex constants: which texts the loader
 * accepts (py/parsenum.c), and what Python's int(), float() and complex() make of them (what
 * mpy-tool.py prints).
 */
final class NumberText {
    private NumberText() {
    }

    /** Whether an int constant's text is the decimal form MicroPython writes (repr of an int). */
    static boolean isCanonicalInt(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        if (i == text.length() || text.charAt(i) == '0') {
            return text.equals("0");
        }
        for (; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of a text {@link #isCanonicalInt} accepts. */
    static BigInteger intValue(String text) {
        boolean negative = text.startsWith("-");
        BigInteger v = BigDigits.parse(text, negative ? 1 : 0, text.length(), 10);
        return negative ? v.negate() : v;
    }

    /**
     * Whether py/parsenum.c mp_parse_num_float accepts the text: spaces, a sign, inf, infinity
     * or nan (any case) or decimal digits with '.', an exponent and '_'; for complex a 'j' and a
     * second such part.
     */
    static boolean isMicroPythonFloat(String s, boolean complex) {
        int top = s.length();
        int i = 0;
        boolean haveReal = false;
        boolean haveImag = false;
        while (true) {
            while (i < top && isSpace(s.charAt(i))) {
                i++;
            }
            if (i < top && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int valStart = i;
            if (i + 2 < top && s.regionMatches(true, i, "inf", 0, 3)) {
                i += 3;
                if (i + 4 < top && s.regionMatches(true, i, "inity", 0, 5)) {
                    i += 5;
                }
            } else if (i + 2 < top && s.regionMatches(true, i, "nan", 0, 3)) {
                i += 3;
            } else {
                i = decimalEnd(s, i);
                if (i < 0) {
                    return false;
                }
            }
            if (complex && i < top && (s.charAt(i) | 0x20) == 'j') {
                i++;
                haveImag = true;
            }
            if (i == valStart) {
                return false;
            }
            while (i < top && isSpace(s.charAt(i))) {
                i++;
            }
            if (i != top) {
                if (complex && !haveReal && !haveImag) {
                    haveReal = true;
                    continue;
                }
                return false;
            }
            return !(haveReal && !haveImag);
        }
    }

    /** mp_parse_float_internal: where the decimal part ends, or -1 for a dangling exponent. */
    private static int decimalEnd(String s, int i) {
        int top = s.length();
        int state = 0; // 0 integer part, 1 fraction, 2 exponent
        while (i < top) {
            char c = s.charAt(i++);
            if (c >= '0' && c <= '9' || c == '_') {
                continue;
            }
            if (state == 0 && c == '.') {
                state = 1;
            } else if (state != 2 && (c | 0x20) == 'e') {
                state = 2;
                if (i < top && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                if (i == top) {
                    return -1;
                }
            } else {
                return i - 1;
            }
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** What Python's float() makes of the text, or null where it raises ValueError. */
    static Double pythonFloat(String text) {
        String s = text.strip();
        int[] end = new int[1];
        Double d = pythonFloatPrefix(s, 0, end);
        return d != null && end[0] == s.length() ? d : null;
    }

    /**
     * Reads the longest float at {@code from} as Python's number grammar has it (sign; digits
     * with single '_' between them, '.', exponent; inf, infinity, nan); {@code end[0]} is set to
     * where it stopped.
     */
    private static Double pythonFloatPrefix(String s, int from, int[] end) {
        int i = from;
        int n = s.length();
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        for (String word : new String[] {"infinity", "inf", "nan"}) {
            if (s.regionMatches(true, i, word, 0, word.length())) {
                end[0] = i + word.length();
                return word.equals("nan") ? Double.NaN : neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        StringBuilder clean = new StringBuilder(neg ? "-" : "");
        int[] at = {i};
        int intDigits = digits(s, at, clean);
        int fracDigits = 0;
        if (at[0] < n && s.charAt(at[0]) == '.') {
            clean.append('.');
            at[0]++;
            fracDigits = digits(s, at, clean);
        }
        if (intDigits == 0 && fracDigits == 0) {
            return null;
        }
        if (at[0] < n && (s.charAt(at[0]) | 0x20) == 'e') {
            int[] e = {at[0] + 1};
            StringBuilder exp = new StringBuilder("e");
            if (e[0] < n && (s.charAt(e[0]) == '+' || s.charAt(e[0]) == '-')) {
                exp.append(s.charAt(e[0]));
                e[0]++;
            }
            if (digits(s, e, exp) > 0) {
                at[0] = e[0];
                clean.append(exp);
            }
        }
        end[0] = at[0];
        return Double.parseDouble(clean.toString());
    }

    /**
     * Appends a run of digits, with single underscores between digits, from {@code at[0]};
     * moves {@code at[0]} past it and returns the number of digits.
     */
    private static int digits(String s, int[] at, StringBuilder out) {
        int i = at[0];
        int n = s.length();
        int count = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
                count++;
                i++;
            } else if (c == '_' && count > 0 && i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
                i++;
            } else {
                break;
            }
        }
        at[0] = i;
        return count;
    }

    /** What Python's complex() makes of the text ({real, imag}), or null where it raises. */
    static double[] pythonComplex(String text) {
        String s = text.strip();
        if (s.startsWith("(") && s.endsWith(")") && s.length() >= 2) {
            s = s.substring(1, s.length() - 1).strip();
        }
        int n = s.length();
        int[] end = new int[1];
        Double x = pythonFloatPrefix(s, 0, end);
        int i = end[0];
        if (x != null) {
            if (i == n) {
                return new double[] {x, 0};
            }
            char c = s.charAt(i);
            if ((c | 0x20) == 'j') {
                return i + 1 == n ? new double[] {0, x} : null;
            }
            if (c == '+' || c == '-') {
                Double y = pythonFloatPrefix(s, i, end);
                int j = end[0];
                if (y == null) {
                    y = c == '-' ? -1.0 : 1.0;
                    j = i + 1;
                }
                return j < n && (s.charAt(j) | 0x20) == 'j' && j + 1 == n ? new double[] {x, y} : null;
            }
            return null;
        }
        // a bare j, +j or -j
        int j = 0;
        double sign = 1;
        if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
            sign = s.charAt(j) == '-' ? -1 : 1;
            j++;
        }
        return j < n && (s.charAt(j) | 0x20) == 'j' && j + 1 == n ? new double[] {0, sign} : null;
    }
}
