package freezer.reports.map;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format csv}: the table's rows as RFC 4180 CSV (a header line, then one line per
 * module or entry and one for the shared objects; no total line, which is the sum).
 */
public final class CsvReport {
    private CsvReport() {
    }

    public static String render(SizeReport r, ReportOptions o) {
        StringBuilder b = new StringBuilder();
        List<String> head = new ArrayList<>(List.of("package", r.isRomfs() ? "entry" : "module", "kind"));
        r.columns().forEach(c -> head.add(c.label()));
        head.addAll(List.of("total", "percent"));
        line(b, head);
        List<SizeNode> units = new ArrayList<>(r.units());
        units.sort(o.sort().comparator());
        for (SizeNode u : units) {
            line(b, cells(r, r.packageOf(u), u.name(), u.kind(), u));
        }
        if (r.image().children().contains(r.shared())) {
            line(b, cells(r, SizeReport.SHARED, "", "", r.shared()));
        }
        return b.toString();
    }

    private static List<String> cells(SizeReport r, String pkg, String name, String kind, SizeNode n) {
        List<String> cells = new ArrayList<>(List.of(pkg, name, kind));
        for (Category c : r.columns()) {
            cells.add(Long.toString(n.bytes(c)));
        }
        cells.add(Long.toString(n.size()));
        cells.add(r.percent(n.size()));
        return cells;
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cells.get(i)));
        }
        b.append("\r\n");
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
