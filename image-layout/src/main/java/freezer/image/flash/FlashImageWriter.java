package freezer.image.flash;

/** Writes bytes as a flash image of any of the three forms, padded first if asked. */
public final class FlashImageWriter {
    private FlashImageWriter() {
    }

    /**
     * Where and how an image goes.
     *
     * @param address where its first byte goes (unused for a raw binary)
     * @param familyId the UF2 family, 0 for none
     * @param padTo pad with 0xFF to a multiple of this many bytes; 0 or 1 for no padding
     */
    public record Target(FlashFormat format, long address, long familyId, long padTo) {
    }

    /** @throws IllegalArgumentException when the data cannot be placed there (see the writers) */
    public static byte[] write(byte[] data, Target t) {
        byte[] padded = t.padTo() > 1 ? ErasedPadding.padTo(data, t.padTo()) : data;
        switch (t.format()) {
            case HEX:
                return IntelHexWriter.write(padded, t.address());
            case UF2:
                return Uf2Writer.write(padded, t.address(), t.familyId());
            default:
                return padded;
        }
    }
}
