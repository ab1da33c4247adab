package freezer.image.flash;

/**
 * Reads any of the three forms, told apart by content as uf2conv.py tells them: the UF2 magic
 * first, else a ':' first for Intel HEX, else raw bytes.
 */
public final class FlashImageReader {
    private FlashImageReader() {
    }

    public static FlashContents read(byte[] file) throws FlashFormatException {
        if (Uf2Reader.looksLikeUf2(file)) {
            return Uf2Reader.read(file);
        }
        if (IntelHexReader.looksLikeHex(file)) {
            return IntelHexReader.read(file);
        }
        return new FlashContents.Binary(file);
    }
}
