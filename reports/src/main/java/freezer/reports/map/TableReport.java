package freezer.reports.map;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format table}: one row per module (or ROMFS entry) with its bytes by category, its
 * total and its share of the image, as esp-idf-size lays out components; then what no module
 * owns and the total, which the rows add up to.
 */
public final class TableReport {
    private TableReport() {
    }

    public static String render(SizeReport r, ReportOptions o) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(r.isRomfs() ? "entry" : "module", "kind"));
        r.columns().forEach(c -> head.add(c.label()));
        head.addAll(List.of("total", "%"));
        rows.add(head);
        List<SizeNode> units = new ArrayList<>(r.units());
        units.sort(o.sort().comparator());
        for (SizeNode u : units) {
            rows.add(row(r, u.name(), u.kind(), u));
        }
        if (r.image().children().contains(r.shared())) {
            rows.add(row(r, SizeReport.SHARED, "", r.shared()));
        }
        rows.add(row(r, "total", "", r.image()));
        StringBuilder b = new StringBuilder(Numbers.columns(rows));
        if (o.budget() > 0) {
            b.append(budgetLine(r.image().size(), o.budget())).append('\n');
        }
        return b.toString();
    }

    private static List<String> row(SizeReport r, String name, String kind, SizeNode n) {
        List<String> cells = new ArrayList<>(List.of(name, kind));
        for (Category c : r.columns()) {
            cells.add(Long.toString(n.bytes(c)));
        }
        cells.add(Long.toString(n.size()));
        cells.add(r.percent(n.size()));
        return cells;
    }

    /** The total against a budget, in words. */
    static String budgetLine(long total, long budget) {
        long left = budget - total;
        return "budget " + budget + ": " + (left >= 0 ? left + " bytes left (" + Numbers.percent(total, budget) + "% used)"
                : "over by " + (-left) + " bytes (" + Numbers.percent(total, budget) + "% used)");
    }
}
