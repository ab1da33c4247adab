package freezer.core.mpy;

import java.io.ByteArrayOutputStream;

/**
 * The variable-length unsigned ints of .mpy files and bytecode (py/persistentcode.c
 * mp_print_uint, py/bc.c mp_encode_uint): 7 bits a byte, most significant group first, 0x80 on
 * every byte but the last. LOAD_CONST_SMALL_INT's operand is the signed variant of emitbc.c,
 * whose first group carries the sign in its 0x40 bit.
 */
public final class Uint {
    private Uint() {
    }

    /** The number of bytes {@link #write} uses for n. */
    public static int length(long n) {
        int len = 1;
        for (n >>>= 7; n != 0; n >>>= 7) {
            len++;
        }
        return len;
    }

    static void write(ByteArrayOutputStream out, long n) {
        int len = length(n);
        for (int i = len - 1; i > 0; i--) {
            out.write(0x80 | (int) (n >>> (7 * i)) & 0x7f);
        }
        out.write((int) n & 0x7f);
    }

    /** The encoded n. */
    public static byte[] bytes(long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(10);
        write(out, n);
        return out.toByteArray();
    }

    /** The number of bytes the signed encoding of emitbc.c uses for n. */
    public static int signedLength(long n) {
        int len = 1;
        long rest = n >> 7;
        long top = n;
        while (rest != 0 && rest != -1) {
            top = rest;
            rest >>= 7;
            len++;
        }
        // the sign lives in bit 0x40 of the most significant group; add a group when it disagrees
        boolean topSignBit = (top & 0x40) != 0;
        if (topSignBit != (n < 0)) {
            len++;
        }
        return len;
    }

    static void writeSigned(ByteArrayOutputStream out, long n) {
        int len = signedLength(n);
        for (int i = len - 1; i > 0; i--) {
            out.write(0x80 | (int) (n >> (7 * Math.min(i, 9))) & 0x7f);
        }
        out.write((int) n & 0x7f);
    }
}
