package freezer.image.flash;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Numbers as Python's {@code int(text, 0)} reads them, which is how uf2conv.py reads its base
 * address and family: decimal, or {@code 0x}, {@code 0o}, {@code 0b} with single underscores
 * between digits; a decimal number has no leading zero unless it is all zeros.
 */
public final class PythonInt {
    private PythonInt() {
    }

    /** The value, or null when Python would raise ValueError (or it does not fit in a long). */
    public static Long parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        if (s.length() >= 2 && s.charAt(0) == '0' && "xob".indexOf(s.charAt(1)) >= 0) {
            radix = s.charAt(1) == 'x' ? 16 : s.charAt(1) == 'o' ? 8 : 2;
            s = s.substring(2);
            if (s.startsWith("_")) {
                s = s.substring(1);
            }
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            return null;
        }
        String digits = s.replace("_", "");
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        if (radix == 10 && digits.length() > 1 && digits.charAt(0) == '0' && !digits.matches("0+")) {
            return null;
        }
        BigInteger v = new BigInteger(digits, radix);
        if (negative) {
            v = v.negate();
        }
        return v.bitLength() < 64 ? v.longValue() : null;
    }
}
