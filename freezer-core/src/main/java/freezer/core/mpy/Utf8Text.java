package freezer.core.mpy;

import java.util.Arrays;

/**
 * Turns byte strings into text for display. Valid UTF-8 decodes as Python's strict decoder
 * does; a byte that is not part of a well-formed sequence (Unicode's "maximal subpart" rule,
 * which Python's decoder also follows) is kept as a marker so callers can escape it, where
 * mpy-tool.py stops with a UnicodeDecodeError.
 */
final class Utf8Text {
    /** Code points at and above this stand for the invalid byte {@code cp - INVALID_BASE}. */
    static final int INVALID_BASE = 0x110000;

    private Utf8Text() {
    }

    /** Whether every byte is part of a well-formed UTF-8 sequence. */
    static boolean isValid(String byteString) {
        for (int cp : codePoints(byteString)) {
            if (cp >= INVALID_BASE) {
                return false;
            }
        }
        return true;
    }

    /**
     * The code points of a byte string's UTF-8; each byte outside a well-formed sequence becomes
     * {@code INVALID_BASE + byte}.
     */
    static int[] codePoints(String byteString) {
        int n = byteString.length();
        int[] out = new int[n];
        int count = 0;
        int i = 0;
        while (i < n) {
            int b0 = byteString.charAt(i) & 0xff;
            if (b0 < 0x80) {
                out[count++] = b0;
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xbf;
            int cp;
            if (b0 >= 0xc2 && b0 <= 0xdf) {
                need = 1;
                cp = b0 & 0x1f;
            } else if (b0 >= 0xe0 && b0 <= 0xef) {
                need = 2;
                cp = b0 & 0x0f;
                // Unicode Table 3-7: no overlong forms, no surrogates
                lo = b0 == 0xe0 ? 0xa0 : 0x80;
                hi = b0 == 0xed ? 0x9f : 0xbf;
            } else if (b0 >= 0xf0 && b0 <= 0xf4) {
                need = 3;
                cp = b0 & 0x07;
                lo = b0 == 0xf0 ? 0x90 : 0x80;
                hi = b0 == 0xf4 ? 0x8f : 0xbf;
            } else {
                out[count++] = INVALID_BASE + b0;
                i++;
                continue;
            }
            int j = i + 1;
            boolean ok = true;
            for (int k = 0; k < need; k++, j++) {
                if (j >= n) {
                    ok = false;
                    break;
                }
                int b = byteString.charAt(j) & 0xff;
                int min = k == 0 ? lo : 0x80;
                int max = k == 0 ? hi : 0xbf;
                if (b < min || b > max) {
                    ok = false;
                    break;
                }
                cp = cp << 6 | (b & 0x3f);
            }
            if (ok) {
                out[count++] = cp;
                i = j;
            } else {
                // the maximal subpart (bytes i..j-1) is invalid; each of its bytes is escaped
                for (int k = i; k < j; k++) {
                    out[count++] = INVALID_BASE + (byteString.charAt(k) & 0xff);
                }
                i = j;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /**
     * The text Python prints for a str made from these bytes ({@code print(s)}); invalid bytes
     * become {@code \xNN}, as Python's backslashreplace error handler shows them.
     */
    static String plain(String byteString) {
        StringBuilder b = new StringBuilder(byteString.length());
        for (int cp : codePoints(byteString)) {
            if (cp >= INVALID_BASE) {
                b.append(String.format("\\x%02x", cp - INVALID_BASE));
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }
}
