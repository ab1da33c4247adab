package freezer.core.mpy;

import java.io.ByteArrayOutputStream;

/**
 * One entry of a function's line-number table (py/emitbc.c emit_write_code_info_bytes_lines,
 * py/bc.h mp_bytecode_decode_lineinfo): skip this many bytecode bytes, then this many lines.
 * An entry is one byte {@code 0LLBBBBB} (up to 31 bytes, 3 lines) or two bytes
 * {@code 1LLLBBBB LLLLLLLL} (up to 15 bytes, 2047 lines); which one is part of the data, since
 * both can hold small steps.
 */
public record LineStep(int bytecodeDelta, int lineDelta, boolean twoBytes) {
    public LineStep {
        boolean fits = twoBytes
                ? bytecodeDelta >= 0 && bytecodeDelta <= 0xf && lineDelta >= 0 && lineDelta <= 0x7ff
                : bytecodeDelta >= 0 && bytecodeDelta <= 0x1f && lineDelta >= 0 && lineDelta <= 0x3;
        if (!fits) {
            throw new IllegalArgumentException("line step out of range: " + bytecodeDelta + ", " + lineDelta);
        }
    }

    public int size() {
        return twoBytes ? 2 : 1;
    }

    void write(ByteArrayOutputStream out) {
        if (twoBytes) {
            out.write(0x80 | bytecodeDelta | (lineDelta >> 4 & 0x70));
            out.write(lineDelta & 0xff);
        } else {
            out.write(bytecodeDelta | lineDelta << 5);
        }
    }

    /** The encoded entry. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2);
        write(out);
        return out.toByteArray();
    }

    static LineStep read(ByteInput in) throws MpyFormatException {
        int c = in.u8("line info");
        if ((c & 0x80) == 0) {
            return new LineStep(c & 0x1f, c >> 5, false);
        }
        int low = in.u8("two-byte line info entry");
        return new LineStep(c & 0xf, (c << 4 & 0x700) | low, true);
    }
}
