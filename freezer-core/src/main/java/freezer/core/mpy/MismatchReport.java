package freezer.core.mpy;

/**
 * Says where two .mpy files first differ and what that byte is on each side: the file's tables
 * (which qstr, which constant) or which function (simple name and child path) and which part
 * of it (prelude, line info, which instruction with its opcode and argument). For tests that
 * compare a compiler's output with upstream's.
 */
public final class MismatchReport {
    private static final int CONTEXT = 8;

    private MismatchReport() {
    }

    /** A few lines describing the first difference, or a line saying the files are identical. */
    public static String describe(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        int at = 0;
        while (at < n && expected[at] == actual[at]) {
            at++;
        }
        StringBuilder b = new StringBuilder();
        if (at == n && expected.length == actual.length) {
            return "the files are identical (" + n + " bytes)";
        }
        if (at == n) {
            b.append(expected.length < actual.length ? "expected" : "actual").append(" ends at byte offset ").append(at)
                    .append(" (expected ").append(expected.length).append(" bytes, actual ").append(actual.length)
                    .append(")\n");
        } else {
            b.append(String.format("first difference at byte offset %d (expected 0x%02x, actual 0x%02x)%n", at,
                    expected[at] & 0xff, actual[at] & 0xff));
        }
        side(b, "expected", expected, at);
        side(b, "actual  ", actual, at);
        return b.toString();
    }

    private static void side(StringBuilder b, String name, byte[] data, int at) {
        b.append(name).append(": ");
        try {
            MpyMap.Span s = MpyReader.readMapped(data).map().at(at);
            if (s == null) {
                b.append("(no part at this offset)");
            } else {
                b.append(s.describe()).append(" [bytes ").append(s.start()).append("..").append(s.end())
                        .append(", the difference at byte ").append(at - s.start()).append(" of it]");
            }
        } catch (MpyFormatException e) {
            b.append("does not read as a .mpy: ").append(e.getMessage());
        }
        b.append('\n').append("          ").append(context(data, at)).append('\n');
    }

    /** The bytes around an offset, the one at the offset in brackets. */
    static String context(byte[] data, int at) {
        StringBuilder b = new StringBuilder("bytes " + Math.max(0, at - CONTEXT) + ":");
        for (int i = Math.max(0, at - CONTEXT); i < Math.min(data.length, at + CONTEXT + 1); i++) {
            b.append(i == at ? " [" : " ").append(String.format("%02x", data[i] & 0xff)).append(i == at ? "]" : "");
        }
        if (at >= data.length) {
            b.append(" [end]");
        }
        return b.toString();
    }
}
