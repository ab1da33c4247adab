package freezer.image.romfs;

/**
 * ROMFS's variable-length unsigned integer (vfs_rom.c's varuint, the same encoding as py/bc.c's
 * mp_encode_uint): groups of 7 bits, most significant first, 0x80 set on every byte but the
 * last. A leading 0x80 byte adds nothing, which is how make_romfs pads an image to even length.
 */
final class Varuint {
    /** The byte make_romfs puts before a varuint to lengthen it by one without changing it. */
    static final int PAD = 0x80;

    private Varuint() {
    }

    /** The number of bytes {@link #write} uses for value (the shortest form). */
    static int length(long value) {
        int len = 1;
        for (long v = value >>> 7; v != 0; v >>>= 7) {
            len++;
        }
        return len;
    }

    /** Writes value at {@code out[at]} in the shortest form; returns the position after it. */
    static int write(byte[] out, int at, long value) {
        int len = length(value);
        for (int i = len - 1; i > 0; i--) {
            out[at++] = (byte) (PAD | (value >>> (7 * i)) & 0x7f);
        }
        out[at++] = (byte) (value & 0x7f);
        return at;
    }
}
