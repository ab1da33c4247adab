package freezer.reports.map;

import java.util.ArrayList;
import java.util.List;

/** {@code --format tree}: package, module, function (and object) with bytes and share, indented. */
public final class TreeReport {
    private TreeReport() {
    }

    public static String render(SizeReport r, ReportOptions o) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "bytes", "%"));
        walk(r, r.image(), 0, o, rows);
        StringBuilder b = new StringBuilder(Numbers.columns(rows));
        if (o.budget() > 0) {
            b.append(TableReport.budgetLine(r.image().size(), o.budget())).append('\n');
        }
        return b.toString();
    }

    private static void walk(SizeReport r, SizeNode n, int level, ReportOptions o, List<List<String>> rows) {
        rows.add(List.of("  ".repeat(level) + n.name(), Long.toString(n.size()), r.percent(n.size())));
        if (level >= o.depth()) {
            return;
        }
        List<SizeNode> children = new ArrayList<>(n.children());
        children.sort(o.sort().comparator());
        for (SizeNode c : children) {
            walk(r, c, level + 1, o, rows);
        }
    }
}
