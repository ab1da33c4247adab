package freezer.image.flash;

/** The files a flash image is written as. */
public enum FlashFormat {
    /** The bytes themselves, to be written at an address by a flashing tool. */
    BIN,
    /** Intel HEX, as GNU objcopy writes it. */
    HEX,
    /** UF2 blocks, as tools/uf2conv.py writes them, for a board's drag-and-drop drive. */
    UF2
}
