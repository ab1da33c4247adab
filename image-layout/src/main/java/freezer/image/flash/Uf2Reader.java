package freezer.image.flash;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads UF2: 512-byte blocks, each with both start magics, the end magic and a payload of at
 * most 476 bytes, numbered below its block count. Blocks not for main flash (flag 0x1) are
 * counted and skipped, as uf2conv.py skips them. Problems name the byte offset.
 */
public final class Uf2Reader {
    private Uf2Reader() {
    }

    /** Whether the bytes start with the UF2 magic words (uf2conv.py's is_uf2). */
    public static boolean looksLikeUf2(byte[] data) {
        return data.length >= 8 && Uf2Block.u32(data, Uf2Block.MAGIC0_AT) == Uf2Block.MAGIC_START0
                && Uf2Block.u32(data, Uf2Block.MAGIC1_AT) == Uf2Block.MAGIC_START1;
    }

    public static FlashContents.Uf2 read(byte[] file) throws FlashFormatException {
        if (file.length == 0) {
            throw new FlashFormatException(0, "empty: a UF2 file has at least one 512-byte block");
        }
        if (file.length % Uf2Block.SIZE != 0) {
            long at = file.length - file.length % Uf2Block.SIZE;
            throw new FlashFormatException(at, "truncated: the last block has " + file.length % Uf2Block.SIZE
                    + " of its 512 bytes");
        }
        int blocks = file.length / Uf2Block.SIZE;
        int skipped = 0;
        List<FlashContents.Uf2Run> runs = new ArrayList<>();
        RunBuilder run = null;
        for (int i = 0; i < blocks; i++) {
            int at = i * Uf2Block.SIZE;
            check(file, at, Uf2Block.MAGIC0_AT, Uf2Block.MAGIC_START0, "first start magic");
            check(file, at, Uf2Block.MAGIC1_AT, Uf2Block.MAGIC_START1, "second start magic");
            check(file, at, Uf2Block.MAGIC_END_AT, Uf2Block.MAGIC_END, "end magic");
            long flags = Uf2Block.u32(file, at + Uf2Block.FLAGS_AT);
            long address = Uf2Block.u32(file, at + Uf2Block.ADDRESS_AT);
            long size = Uf2Block.u32(file, at + Uf2Block.PAYLOAD_SIZE_AT);
            long blockNo = Uf2Block.u32(file, at + Uf2Block.BLOCK_NO_AT);
            long count = Uf2Block.u32(file, at + Uf2Block.NUM_BLOCKS_AT);
            if (size > Uf2Block.MAX_PAYLOAD) {
                throw new FlashFormatException(at + Uf2Block.PAYLOAD_SIZE_AT, "block " + i + ": payload of " + size
                        + " bytes; a block holds at most " + Uf2Block.MAX_PAYLOAD);
            }
            if (blockNo >= count) {
                throw new FlashFormatException(at + Uf2Block.BLOCK_NO_AT, "block " + i + ": numbered " + blockNo
                        + " of a count of " + count);
            }
            if ((flags & Uf2Block.FLAG_NOT_MAIN_FLASH) != 0) {
                skipped++;
                continue;
            }
            Long family = (flags & Uf2Block.FLAG_FAMILY_ID) != 0 ? Uf2Block.u32(file, at + Uf2Block.FAMILY_AT) : null;
            if (run == null || !run.continuedBy(family, flags, address)) {
                if (run != null) {
                    runs.add(run.build());
                }
                run = new RunBuilder(family, flags, address, blockNo, count);
            }
            run.add(file, at + Uf2Block.HEADER, (int) size);
        }
        if (run != null) {
            runs.add(run.build());
        }
        return new FlashContents.Uf2(blocks, skipped, runs);
    }

    private static void check(byte[] file, int block, int field, long magic, String what) throws FlashFormatException {
        long v = Uf2Block.u32(file, block + field);
        if (v != magic) {
            throw new FlashFormatException(block + field, String.format("block %d: %s is 0x%08X, not 0x%08X",
                    block / Uf2Block.SIZE, what, v, magic));
        }
    }

    private static final class RunBuilder {
        final Long family;
        final long flags;
        final long address;
        final long firstBlock;
        final long declared;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        int blocks;

        RunBuilder(Long family, long flags, long address, long firstBlock, long declared) {
            this.family = family;
            this.flags = flags;
            this.address = address;
            this.firstBlock = firstBlock;
            this.declared = declared;
        }

        boolean continuedBy(Long otherFamily, long otherFlags, long otherAddress) {
            return java.util.Objects.equals(family, otherFamily) && flags == otherFlags
                    && otherAddress == address + data.size();
        }

        void add(byte[] file, int from, int size) {
            data.write(file, from, size);
            blocks++;
        }

        FlashContents.Uf2Run build() {
            return new FlashContents.Uf2Run(family, flags, firstBlock, blocks, declared,
                    new FlashSegment(address, data.toByteArray()));
        }
    }
}
