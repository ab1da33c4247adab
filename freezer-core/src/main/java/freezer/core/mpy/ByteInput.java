package freezer.core.mpy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A cursor over bytes that reports every problem as an {@link MpyFormatException} at the file
 * offset where it happens: running past the end, a varint that is too long or not in the
 * shortest form upstream's writers use, a length larger than what is left.
 */
final class ByteInput {
    /** A varint of more than this many bytes cannot hold a value freezer accepts. */
    private static final int MAX_UINT_BYTES = 9;

    private final byte[] data;
    private final int end;
    private final long base;
    private final boolean lenient;
    private int pos;

    /**
     * @param base the file offset of {@code data[from]}, so errors name file offsets
     */
    ByteInput(byte[] data, int from, int end, long base, boolean lenient) {
        this.data = data;
        this.pos = from;
        this.end = end;
        this.base = base - from;
        this.lenient = lenient;
    }

    ByteInput(byte[] data) {
        this(data, 0, data.length, 0, false);
    }

    /**
     * A cursor that accepts varints and preludes in any form the loader accepts, for parts that
     * are kept as bytes (the prelude inside native machine code).
     */
    static ByteInput lenient(byte[] data, int from, long base) {
        return new ByteInput(data, from, data.length, base + from, true);
    }

    boolean isLenient() {
        return lenient;
    }

    /** The offset (in the numbering errors use) of the next byte. */
    long offset() {
        return base + pos;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    boolean atEnd() {
        return pos >= end;
    }

    MpyFormatException error(String problem) {
        return new MpyFormatException(offset(), problem);
    }

    MpyFormatException errorAt(long offset, String problem) {
        return new MpyFormatException(offset, problem);
    }

    int u8(String what) throws MpyFormatException {
        if (pos >= end) {
            throw error("truncated: " + what + " runs past the end");
        }
        return data[pos++] & 0xff;
    }

    /** An unsigned varint in the shortest form (no leading 0x80 byte). */
    long uint(String what) throws MpyFormatException {
        long start = offset();
        int first = u8(what);
        if (first == 0x80 && !lenient) {
            throw errorAt(start, what + ": varint has a redundant leading 0x80 byte"
                    + " (no MicroPython tool writes that)");
        }
        long value = first & 0x7f;
        int b = first;
        int n = 1;
        while ((b & 0x80) != 0) {
            if (++n > MAX_UINT_BYTES) {
                throw errorAt(start, what + ": varint longer than " + MAX_UINT_BYTES + " bytes");
            }
            b = u8(what);
            value = value << 7 | (b & 0x7f);
        }
        return value;
    }

    /** An unsigned varint that must fit an int (a count, a length, an index). */
    int uintAsInt(String what) throws MpyFormatException {
        long start = offset();
        long v = uint(what);
        if (v > Integer.MAX_VALUE) {
            throw errorAt(start, what + " " + v + " is too large");
        }
        return (int) v;
    }

    /** The signed varint of LOAD_CONST_SMALL_INT, in the form emitbc.c writes. */
    long signedUint(String what) throws MpyFormatException {
        long start = offset();
        int from = pos;
        int b = u8(what);
        long value = b & 0x7f;
        if ((value & 0x40) != 0) {
            value |= -1L << 7;
        }
        int n = 1;
        while ((b & 0x80) != 0) {
            if (++n > MAX_UINT_BYTES + 1) {
                throw errorAt(start, what + ": varint longer than " + (MAX_UINT_BYTES + 1) + " bytes");
            }
            b = u8(what);
            value = value << 7 | (b & 0x7f);
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream(n);
        Uint.writeSigned(again, value);
        if (!lenient && !Arrays.equals(again.toByteArray(), 0, again.size(), data, from, pos)) {
            throw errorAt(start, what + ": signed varint not in the shortest form"
                    + " (no MicroPython tool writes that)");
        }
        return value;
    }

    /** n bytes; n was checked against what is left before anything is allocated. */
    byte[] bytes(long n, String what) throws MpyFormatException {
        if (n > remaining()) {
            throw error("truncated: " + what + " of " + n + " bytes runs past the end ("
                    + remaining() + " left)");
        }
        byte[] b = new byte[(int) n];
        System.arraycopy(data, pos, b, 0, (int) n);
        pos += (int) n;
        return b;
    }

    /** A cursor over the next n bytes (which must be there); this one moves past them. */
    ByteInput slice(int n) throws MpyFormatException {
        if (n > remaining()) {
            throw error("truncated: " + n + " bytes run past the end (" + remaining() + " left)");
        }
        ByteInput s = new ByteInput(data, pos, pos + n, offset(), lenient);
        pos += n;
        return s;
    }

    /** Checks that at least n more items of at least one byte each can follow. */
    void needItems(long n, String what) throws MpyFormatException {
        if (n > remaining()) {
            throw error(what + " count " + n + " is more than the " + remaining() + " bytes left");
        }
    }
}
