package freezer.core.mpy;

import java.io.ByteArrayOutputStream;

/**
 * One entry of a viper function's relocation stream (py/persistentcode.c mp_native_relocate,
 * written by tools/mpy_ld.py): an op byte; when its bit 0 is set, a varint address follows
 * (word index, bit 0 saying text or rodata); when op >> 1 is at most 5 and odd, a varint count
 * follows. The stream ends with 0xff.
 *
 * @param addr the address varint, or -1 when the op has none
 * @param count the count varint, or -1 when the op has none
 */
public record Relocation(int op, long addr, long count) {
    public static final int END = 0xff;

    public Relocation {
        if (op < 0 || op >= END) {
            throw new IllegalArgumentException("relocation op " + op);
        }
        if (hasAddr(op) != (addr >= 0) || hasCount(op) != (count >= 0)) {
            throw new IllegalArgumentException("relocation op " + op + " with addr " + addr + ", count " + count);
        }
    }

    static boolean hasAddr(int op) {
        return (op & 1) != 0;
    }

    static boolean hasCount(int op) {
        int kind = op >> 1;
        return kind <= 5 && (kind & 1) != 0;
    }

    void write(ByteArrayOutputStream out) {
        out.write(op);
        if (addr >= 0) {
            Uint.write(out, addr);
        }
        if (count >= 0) {
            Uint.write(out, count);
        }
    }

    static Relocation read(ByteInput in, int op) throws MpyFormatException {
        long addr = hasAddr(op) ? in.uint("relocation address") : -1;
        long count = hasCount(op) ? in.uint("relocation count") : -1;
        return new Relocation(op, addr, count);
    }
}
