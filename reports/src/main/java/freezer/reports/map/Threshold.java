package freezer.reports.map;

import java.math.BigDecimal;

/**
 * {@code --fail-over}: how much growth a diff allows, in bytes ({@code 512}) or as a percentage
 * of the old total ({@code 2%}, {@code 0.5%}).
 */
public record Threshold(long bytes, BigDecimal percent) {

    /** @throws IllegalArgumentException for anything but a non-negative number of bytes or a percentage */
    public static Threshold parse(String text) {
        String t = text.strip();
        try {
            if (t.endsWith("%")) {
                BigDecimal p = new BigDecimal(t.substring(0, t.length() - 1));
                if (p.signum() < 0) {
                    throw new IllegalArgumentException("a negative percentage");
                }
                return new Threshold(-1, p);
            }
            long b = Long.parseLong(t);
            if (b < 0) {
                throw new IllegalArgumentException("a negative size");
            }
            return new Threshold(b, null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not BYTES or PERCENT% (for example 512 or 2%)");
        }
    }

    /** Whether the growth from {@code oldTotal} to {@code newTotal} is more than this allows. */
    public boolean exceeded(long oldTotal, long newTotal) {
        long growth = newTotal - oldTotal;
        if (percent == null) {
            return growth > bytes;
        }
        // growth / old > p / 100, in exact arithmetic; growth from nothing is over any percentage
        if (oldTotal == 0) {
            return growth > 0;
        }
        return BigDecimal.valueOf(growth).multiply(BigDecimal.valueOf(100))
                .compareTo(percent.multiply(BigDecimal.valueOf(oldTotal))) > 0;
    }

    @Override
    public String toString() {
        return percent == null ? bytes + " bytes" : percent.toPlainString() + "%";
    }
}
