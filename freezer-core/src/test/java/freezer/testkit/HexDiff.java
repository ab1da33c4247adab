package freezer.testkit;

/** Where two byte arrays first differ, and the bytes around that place, as text for a test failure. */
public final class HexDiff {
    private static final int CONTEXT_ROWS = 2;

    private HexDiff() {
    }

    /** The first index where the arrays differ (the shorter length if one is a prefix), or -1. */
    public static int firstDifference(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        for (int i = 0; i < n; i++) {
            if (expected[i] != actual[i]) {
                return i;
            }
        }
        return expected.length == actual.length ? -1 : n;
    }

    /** A few lines: the offset, both lengths, and a hex dump of both around it with the byte marked. */
    public static String describe(byte[] expected, byte[] actual) {
        int at = firstDifference(expected, actual);
        if (at < 0) {
            return "identical (" + expected.length + " bytes)";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("first difference at offset %d (0x%x); expected %d bytes, actual %d bytes%n", at, at,
                expected.length, actual.length));
        int from = Math.max(0, (at / 16 - CONTEXT_ROWS) * 16);
        int to = (at / 16 + CONTEXT_ROWS + 1) * 16;
        sb.append("expected:\n").append(dump(expected, from, to, at));
        sb.append("actual:\n").append(dump(actual, from, to, at));
        return sb.toString();
    }

    private static String dump(byte[] b, int from, int to, int mark) {
        StringBuilder sb = new StringBuilder();
        for (int row = from; row < Math.min(to, b.length); row += 16) {
            sb.append(String.format("  %06x:", row));
            for (int i = row; i < row + 16 && i < b.length; i++) {
                sb.append(i == mark ? '[' : (i == mark + 1 ? ']' : ' '));
                sb.append(String.format("%02x", b[i] & 0xff));
            }
            if (mark >= row && mark < row + 16 && mark == Math.min(row + 15, b.length - 1)) {
                sb.append(']');
            }
            sb.append('\n');
        }
        if (mark >= b.length) {
            sb.append(String.format("  %06x: (end of data)%n", b.length));
        }
        return sb.toString();
    }
}
