package freezer.image.flash;

/**
 * UF2 of a binary placed at an address, as {@code tools/uf2conv.py -c -b ADDR -f FAMILY} writes
 * it (convert_to_uf2): one 512-byte block per 256 input bytes, the last filled with zeros, each
 * addressed ADDR + 256 * its index, numbered, counting all blocks, and carrying the family ID
 * with flag 0x2000 when the family is not 0.
 */
public final class Uf2Writer {
    private Uf2Writer() {
    }

    /**
     * @throws IllegalArgumentException for empty data, a family past 32 bits, or blocks that
     *     would be addressed past 32 bits (uf2conv.py stops with struct.error there)
     */
    public static byte[] write(byte[] data, long address, long familyId) {
        if (data.length == 0) {
            throw new IllegalArgumentException("the input is empty");
        }
        if (familyId < 0 || familyId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(String.format("family ID 0x%x does not fit in 32 bits", familyId));
        }
        long blockCount = ((long) data.length + Uf2Block.PAYLOAD - 1) / Uf2Block.PAYLOAD;
        if (blockCount * Uf2Block.SIZE > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the input is too large for a UF2 file freezer can write");
        }
        int blocks = (int) blockCount;
        long last = address + (long) Uf2Block.PAYLOAD * (blocks - 1);
        if (address < 0 || last > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(String.format("address 0x%x out of range for UF2: block %d would be at"
                    + " 0x%x, past 32 bits", address, blocks - 1, last));
        }
        long flags = familyId != 0 ? Uf2Block.FLAG_FAMILY_ID : 0;
        byte[] out = new byte[blocks * Uf2Block.SIZE];
        for (int i = 0; i < blocks; i++) {
            int at = i * Uf2Block.SIZE;
            Uf2Block.putU32(out, at + Uf2Block.MAGIC0_AT, Uf2Block.MAGIC_START0);
            Uf2Block.putU32(out, at + Uf2Block.MAGIC1_AT, Uf2Block.MAGIC_START1);
            Uf2Block.putU32(out, at + Uf2Block.FLAGS_AT, flags);
            Uf2Block.putU32(out, at + Uf2Block.ADDRESS_AT, address + (long) Uf2Block.PAYLOAD * i);
            Uf2Block.putU32(out, at + Uf2Block.PAYLOAD_SIZE_AT, Uf2Block.PAYLOAD);
            Uf2Block.putU32(out, at + Uf2Block.BLOCK_NO_AT, i);
            Uf2Block.putU32(out, at + Uf2Block.NUM_BLOCKS_AT, blocks);
            Uf2Block.putU32(out, at + Uf2Block.FAMILY_AT, familyId);
            int from = i * Uf2Block.PAYLOAD;
            System.arraycopy(data, from, out, at + Uf2Block.HEADER, Math.min(Uf2Block.PAYLOAD, data.length - from));
            Uf2Block.putU32(out, at + Uf2Block.MAGIC_END_AT, Uf2Block.MAGIC_END);
        }
        return out;
    }
}
