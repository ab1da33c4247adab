package freezer.core.mpy;

import java.io.ByteArrayOutputStream;

/**
 * The signature at the start of a function's bytes (py/bc.h MP_BC_PRELUDE_SIG_ENCODE): six
 * counts interleaved bit-wise into a varint-like run of bytes, {@code xSSSSEAA} then
 * {@code xFSSKAED} repeated, where S is n_state - 1.
 */
public record Prelude(int nState, int nExcStack, int scopeFlags, int nPosArgs, int nKwonlyArgs, int nDefPosArgs) {
    /** No canonical signature of values that fit in an int is longer. */
    static final int MAX_SIG_BYTES = 20;

    public Prelude {
        if (nState < 1 || nExcStack < 0 || scopeFlags < 0 || nPosArgs < 0 || nKwonlyArgs < 0 || nDefPosArgs < 0) {
            throw new IllegalArgumentException("prelude values out of range: n_state " + nState);
        }
    }

    /** The tuple mpy-tool prints: {@code (n_state, n_exc_stack, scope_flags, n_pos_args, n_kwonly_args, n_def_pos_args)}. */
    public String asTuple() {
        return "(" + nState + ", " + nExcStack + ", " + scopeFlags + ", " + nPosArgs + ", " + nKwonlyArgs + ", "
                + nDefPosArgs + ")";
    }

    void write(ByteArrayOutputStream out) {
        long s = nState - 1L;
        long e = nExcStack;
        long f = scopeFlags;
        long a = nPosArgs;
        long k = nKwonlyArgs;
        long d = nDefPosArgs;
        int z = (int) ((s & 0xf) << 3 | (e & 1) << 2 | (a & 3));
        s >>= 4;
        e >>= 1;
        a >>= 2;
        while ((s | e | f | a | k | d) != 0) {
            out.write(0x80 | z);
            z = (int) ((f & 1) << 6 | (s & 3) << 4 | (k & 1) << 3 | (a & 1) << 2 | (e & 1) << 1 | (d & 1));
            s >>= 2;
            e >>= 1;
            f >>= 1;
            a >>= 1;
            k >>= 1;
            d >>= 1;
        }
        out.write(z);
    }

    /** The encoded signature. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4);
        write(out);
        return out.toByteArray();
    }

    /** Reads a signature in the form {@link #write} gives it. */
    static Prelude read(ByteInput in) throws MpyFormatException {
        long start = in.offset();
        int z = in.u8("prelude signature");
        long s = z >> 3 & 0xf;
        long e = z >> 2 & 1;
        long f = 0;
        long a = z & 3;
        long k = 0;
        long d = 0;
        int n = 0;
        while ((z & 0x80) != 0) {
            if (n + 2 > MAX_SIG_BYTES) {
                throw in.errorAt(start, "prelude signature longer than " + MAX_SIG_BYTES + " bytes");
            }
            z = in.u8("prelude signature");
            s |= (long) (z & 0x30) << (2 * n);
            e |= (long) (z & 0x02) << n;
            f |= (long) ((z & 0x40) >> 6) << n;
            a |= (long) (z & 0x04) << n;
            k |= (long) ((z & 0x08) >> 3) << n;
            d |= (long) (z & 0x01) << n;
            n++;
        }
        s += 1;
        long max = Math.max(Math.max(Math.max(s, e), Math.max(f, a)), Math.max(k, d));
        if (max > Integer.MAX_VALUE) {
            throw in.errorAt(start, "prelude signature value " + max + " is too large");
        }
        Prelude p = new Prelude((int) s, (int) e, (int) f, (int) a, (int) k, (int) d);
        if (!in.isLenient() && p.bytes().length != n + 1) {
            throw in.errorAt(start, "prelude signature not in the shortest form (no MicroPython tool writes that)");
        }
        return p;
    }

    /** py/bc.h MP_BC_PRELUDE_SIZE_ENCODE: n_info and n_cell interleaved as {@code xIIIIIIC}. */
    static void writeSize(ByteArrayOutputStream out, long nInfo, long nCell) {
        long i = nInfo;
        long c = nCell;
        while (true) {
            int z = (int) ((i & 0x3f) << 1 | (c & 1));
            c >>= 1;
            i >>= 6;
            if ((c | i) != 0) {
                z |= 0x80;
            }
            out.write(z);
            if ((c | i) == 0) {
                return;
            }
        }
    }

    /** The encoded sizes that follow the signature: n_info and n_cell. */
    public static byte[] sizeBytes(long nInfo, long nCell) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4);
        writeSize(out, nInfo, nCell);
        return out.toByteArray();
    }

    static int sizeLength(long nInfo, long nCell) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4);
        writeSize(out, nInfo, nCell);
        return out.size();
    }

    /** Reads n_info and n_cell; returns them as {@code {nInfo, nCell}}. */
    static int[] readSize(ByteInput in) throws MpyFormatException {
        long start = in.offset();
        long info = 0;
        long cell = 0;
        int n = 0;
        while (true) {
            if (n >= 6) {
                throw in.errorAt(start, "prelude size longer than 6 bytes");
            }
            int z = in.u8("prelude size");
            info |= (long) ((z & 0x7e) >> 1) << (6 * n);
            cell |= (long) (z & 1) << n;
            n++;
            if ((z & 0x80) == 0) {
                break;
            }
        }
        if (info > Integer.MAX_VALUE || cell > Integer.MAX_VALUE) {
            throw in.errorAt(start, "prelude size too large");
        }
        if (!in.isLenient() && sizeLength(info, cell) != n) {
            throw in.errorAt(start, "prelude size not in the shortest form (no MicroPython tool writes that)");
        }
        return new int[] {(int) info, (int) cell};
    }
}
