package freezer.image.flash;

/**
 * The layout of a UF2 block (Microsoft's UF2 format, as tools/uf2conv.py writes it): 512 bytes,
 * eight little-endian 32-bit words, the payload, and a closing magic word.
 */
final class Uf2Block {
    static final int SIZE = 512;
    static final int HEADER = 32;
    /** The most payload a block can carry: 512 less the header and the closing word. */
    static final int MAX_PAYLOAD = SIZE - HEADER - 4;
    /** What uf2conv.py puts in each block. */
    static final int PAYLOAD = 256;

    static final long MAGIC_START0 = 0x0A324655L;
    static final long MAGIC_START1 = 0x9E5D5157L;
    static final long MAGIC_END = 0x0AB16F30L;

    // word offsets of the header fields
    static final int MAGIC0_AT = 0;
    static final int MAGIC1_AT = 4;
    static final int FLAGS_AT = 8;
    static final int ADDRESS_AT = 12;
    static final int PAYLOAD_SIZE_AT = 16;
    static final int BLOCK_NO_AT = 20;
    static final int NUM_BLOCKS_AT = 24;
    static final int FAMILY_AT = 28;
    static final int MAGIC_END_AT = SIZE - 4;

    /** The block is not for main flash (comments, or data for elsewhere): readers skip it. */
    static final long FLAG_NOT_MAIN_FLASH = 0x00000001L;
    /** The block is part of a file container. */
    static final long FLAG_FILE_CONTAINER = 0x00001000L;
    /** The family word is set. */
    static final long FLAG_FAMILY_ID = 0x00002000L;
    /** An MD5 checksum of the payload follows it. */
    static final long FLAG_MD5 = 0x00004000L;
    /** Extension tags follow the payload. */
    static final long FLAG_EXTENSION_TAGS = 0x00008000L;

    private Uf2Block() {
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
        b[at + 3] = (byte) (v >> 24);
    }
}
