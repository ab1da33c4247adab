package freezer.image.frozenc;

/** The C text being written: lines, and bytes as {@code 0xNN,} runs. */
final class CText {
    private final StringBuilder out = new StringBuilder(1 << 16);

    /** A whole line (Python's print). */
    CText line(String s) {
        out.append(s).append('\n');
        return this;
    }

    CText line() {
        out.append('\n');
        return this;
    }

    /** Text without a newline (print with end=""). */
    CText text(String s) {
        out.append(s);
        return this;
    }

    /** {@code 0xNN,} for each byte, without separators. */
    CText bytes(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            hexByte(b[i]).append(',');
        }
        return this;
    }

    /** {@code 0xNN} of one byte. */
    CText hex(byte b) {
        hexByte(b);
        return this;
    }

    private StringBuilder hexByte(byte b) {
        int v = b & 0xff;
        return out.append("0x").append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 0xf, 16));
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
