package freezer.image.manifest;

/**
 * The target settings mpy-tool.py takes, as the frozen-C writer uses them: the long-int
 * implementation and the mpz digit size. {@link MpyToolFlags} reads them from the command line's
 * {@code --mpy-tool-flags} (with mpy-tool.py's own argparse table).
 *
 * @param longIntImpl {@code -mlongint-impl} (default mpz)
 * @param mpzDigSize {@code -mmpz-dig-size} in bits (default 16)
 */
public record MpyToolOptions(LongIntImpl longIntImpl, int mpzDigSize) {
    public static final MpyToolOptions DEFAULT = new MpyToolOptions(LongIntImpl.MPZ, 16);

    public MpyToolOptions {
        if (mpzDigSize != 8 && mpzDigSize != 16 && mpzDigSize != 32) {
            throw new IllegalArgumentException("mpz digit size " + mpzDigSize);
        }
    }
}
