package freezer.core.mpy;

/** Hex text as mpy-tool.py prints bytes: {@code binascii.hexlify(b, ":")}, lower case. */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    static String colons(byte[] b) {
        return colons(b, 0, b.length);
    }

    static String colons(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder(Math.max(0, (to - from) * 3));
        for (int i = from; i < to; i++) {
            if (i != from) {
                s.append(':');
            }
            s.append(DIGITS[b[i] >> 4 & 0xf]).append(DIGITS[b[i] & 0xf]);
        }
        return s.toString();
    }

    /** Plain hex without separators (for JSON). */
    static String plain(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(DIGITS[x >> 4 & 0xf]).append(DIGITS[x & 0xf]);
        }
        return s.toString();
    }
}
