package freezer.image.frozenc;

import freezer.image.manifest.MpyToolFlags;

/**
 * The target settings mpy-tool.py takes, as the writer uses them: the long-int implementation
 * and the mpz digit size. The command line's {@code --mpy-tool-flags} are read by
 * {@link MpyToolFlags} (mpy-tool.py's own argparse table).
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

    /** The settings {@code --mpy-tool-flags} gave. */
    public static MpyToolOptions of(MpyToolFlags flags) {
        return new MpyToolOptions(LongIntImpl.valueOf(flags.longIntImpl().name()), flags.mpzDigSize());
    }
}
