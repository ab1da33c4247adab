package freezer.reports.map;

import java.util.Comparator;

/**
 * How a report is laid out.
 *
 * @param depth how many levels below the image a tree shows (1 packages, 2 modules, 3
 *     functions, 4 objects)
 * @param sort the order of rows and children
 * @param budget the image's budget in bytes, shown beside the total; 0 for none
 */
public record ReportOptions(int depth, Sort sort, long budget) {
    public static final ReportOptions DEFAULT = new ReportOptions(3, Sort.SIZE, 0);

    /** {@code --sort}: biggest first (ties by name), or by name. */
    public enum Sort {
        SIZE, NAME;

        Comparator<SizeNode> comparator() {
            Comparator<SizeNode> byName = Comparator.comparing(SizeNode::name);
            return this == NAME ? byName : Comparator.comparingLong(SizeNode::size).reversed().thenComparing(byName);
        }
    }

    public ReportOptions {
        if (depth < 1) {
            throw new IllegalArgumentException("depth " + depth + " is below 1");
        }
    }
}
