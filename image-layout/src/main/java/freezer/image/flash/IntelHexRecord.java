package freezer.image.flash;

/** The record types of Intel HEX, by the number each line carries. */
public enum IntelHexRecord {
    DATA(0x00),
    END_OF_FILE(0x01),
    /** Bits 4-19 of the addresses that follow (segment base / 16). */
    EXTENDED_SEGMENT_ADDRESS(0x02),
    /** CS:IP of the start address, for addresses below 1 MiB. */
    START_SEGMENT_ADDRESS(0x03),
    /** Bits 16-31 of the addresses that follow. */
    EXTENDED_LINEAR_ADDRESS(0x04),
    /** The 32-bit start address. */
    START_LINEAR_ADDRESS(0x05);

    private final int type;

    IntelHexRecord(int type) {
        this.type = type;
    }

    public int type() {
        return type;
    }

    /** The type with this number, or null. */
    public static IntelHexRecord of(int type) {
        for (IntelHexRecord r : values()) {
            if (r.type == type) {
                return r;
            }
        }
        return null;
    }
}
