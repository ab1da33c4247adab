package freezer.reports.map;

import java.util.List;
import java.util.Locale;

/** Small text helpers every format shares: percentages, padding, column widths. */
final class Numbers {
    private Numbers() {
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0.0" : String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
    }

    static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }

    static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** Rows of cells laid out in columns: the first left-aligned, the rest right-aligned, two spaces apart. */
    static String columns(List<List<String>> rows) {
        int n = rows.get(0).size();
        int[] w = new int[n];
        for (List<String> r : rows) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                line.append(i == 0 ? padRight(r.get(i), w[i]) : padLeft(r.get(i), w[i]));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
