package freezer.image.flash;

import java.util.List;

/** What a flash image holds, as {@link FlashImageReader} found it. */
public sealed interface FlashContents {
    FlashFormat format();

    /** The data, in contiguous runs, in the order the file has them. */
    List<FlashSegment> segments();

    /** A raw binary: one run, at an address the file does not say (shown as 0). */
    record Binary(byte[] data) implements FlashContents {
        @Override
        public FlashFormat format() {
            return FlashFormat.BIN;
        }

        @Override
        public List<FlashSegment> segments() {
            return List.of(new FlashSegment(0, data));
        }
    }

    /**
     * An Intel HEX file.
     *
     * @param records how many records (lines) it has
     * @param start the start address, or null when there is no start record
     * @param startRecord the type of the start record, or null
     */
    record IntelHex(List<FlashSegment> segments, int records, Long start, IntelHexRecord startRecord)
            implements FlashContents {
        public IntelHex {
            segments = List.copyOf(segments);
        }

        @Override
        public FlashFormat format() {
            return FlashFormat.HEX;
        }
    }

    /**
     * A UF2 file.
     *
     * @param blocks how many 512-byte blocks it has
     * @param skipped blocks not for main flash (flag 0x1), which carry no flash data
     * @param runs the data by family, merged where blocks follow on
     */
    record Uf2(int blocks, int skipped, List<Uf2Run> runs) implements FlashContents {
        public Uf2 {
            runs = List.copyOf(runs);
        }

        @Override
        public FlashFormat format() {
            return FlashFormat.UF2;
        }

        @Override
        public List<FlashSegment> segments() {
            return runs.stream().map(Uf2Run::segment).toList();
        }
    }

    /**
     * Consecutive UF2 blocks of one family whose payloads follow on.
     *
     * @param familyId the family ID, or null when the blocks carry none (flag 0x2000 clear)
     * @param flags the blocks' flags (the run ends where they change)
     * @param firstBlock the block number the first of them carries
     * @param blocks how many blocks
     * @param declaredBlocks the block count they carry
     */
    record Uf2Run(Long familyId, long flags, long firstBlock, int blocks, long declaredBlocks, FlashSegment segment) {
    }
}
