package freezer.image.flash;

import java.util.Arrays;

/** Pads an image with 0xFF, the value of erased flash, to a multiple of a size (a sector, a partition). */
public final class ErasedPadding {
    public static final byte ERASED = (byte) 0xFF;

    private ErasedPadding() {
    }

    /** The data, lengthened with 0xFF to the next multiple of {@code unit} (unchanged when already one). */
    public static byte[] padTo(byte[] data, long unit) {
        if (unit < 1) {
            throw new IllegalArgumentException("the padding unit must be at least 1, not " + unit);
        }
        long padded = (data.length + unit - 1) / unit * unit;
        if (padded > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("padded to a multiple of " + unit + " the image would be " + padded
                    + " bytes, too large");
        }
        if (padded == data.length) {
            return data;
        }
        byte[] out = Arrays.copyOf(data, (int) padded);
        Arrays.fill(out, data.length, out.length, ERASED);
        return out;
    }
}
