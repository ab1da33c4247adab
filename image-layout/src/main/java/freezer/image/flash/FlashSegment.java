package freezer.image.flash;

/** Bytes at a flash address: one contiguous run of a flash image. */
public record FlashSegment(long address, byte[] data) {
    /** The address after the last byte. */
    public long end() {
        return address + data.length;
    }
}
