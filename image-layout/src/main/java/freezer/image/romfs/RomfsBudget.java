package freezer.image.romfs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether an image fits its partition, and if not, by how much and which entries weigh most,
 * so a build can say what to move out.
 */
public final class RomfsBudget {
    /** How many of the biggest entries an overrun names. */
    public static final int BIGGEST = 5;

    private RomfsBudget() {
    }

    /**
     * An image that does not fit.
     *
     * @param size the image's size
     * @param limit the partition's size
     * @param biggest the largest files (whole records), largest first, at most {@link #BIGGEST}
     */
    public record Overrun(long size, long limit, List<RomfsEntry> biggest) {
        public Overrun {
            biggest = List.copyOf(biggest);
        }

        public long over() {
            return size - limit;
        }
    }

    /** The overrun, or null when the image fits. */
    public static Overrun check(RomfsContents image, long limit) {
        if (image.size() <= limit) {
            return null;
        }
        List<RomfsEntry> files = new ArrayList<>();
        for (RomfsEntry e : image.entries()) {
            if (!e.isDirectory()) {
                files.add(e);
            }
        }
        // largest first; equal sizes in image order, so the answer never depends on a sort's whims
        files.sort(Comparator.comparingLong(RomfsEntry::recordSize).reversed()
                .thenComparingLong(RomfsEntry::recordOffset));
        return new Overrun(image.size(), limit, files.subList(0, Math.min(BIGGEST, files.size())));
    }
}
