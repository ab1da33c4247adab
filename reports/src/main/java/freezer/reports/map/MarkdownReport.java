package freezer.reports.map;

import java.util.ArrayList;
import java.util.List;

/** {@code --format markdown}: the table as a Markdown (GitHub) table, for a pull request comment. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(SizeReport r, ReportOptions o) {
        StringBuilder b = new StringBuilder();
        List<String> head = new ArrayList<>(List.of(r.isRomfs() ? "entry" : "module", "kind"));
        r.columns().forEach(c -> head.add(c.label()));
        head.addAll(List.of("total", "%"));
        row(b, head);
        List<String> align = new ArrayList<>(List.of("---", "---"));
        for (int i = 2; i < head.size(); i++) {
            align.add("---:");
        }
        row(b, align);
        List<SizeNode> units = new ArrayList<>(r.units());
        units.sort(o.sort().comparator());
        for (SizeNode u : units) {
            row(b, cells(r, "`" + code(u.name()) + "`", u.kind(), u, false));
        }
        if (r.image().children().contains(r.shared())) {
            row(b, cells(r, "*shared*", "", r.shared(), false));
        }
        row(b, cells(r, "**total**", "", r.image(), true));
        if (o.budget() > 0) {
            b.append('\n').append(TableReport.budgetLine(r.image().size(), o.budget())).append('\n');
        }
        return b.toString();
    }

    private static List<String> cells(SizeReport r, String name, String kind, SizeNode n, boolean bold) {
        List<String> cells = new ArrayList<>(List.of(name, kind));
        for (Category c : r.columns()) {
            cells.add(Long.toString(n.bytes(c)));
        }
        cells.add(bold ? "**" + n.size() + "**" : Long.toString(n.size()));
        cells.add(r.percent(n.size()));
        return cells;
    }

    static void row(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        b.append('\n');
    }

    /** Text inside backquotes: a backquote in a path would end them. */
    static String code(String s) {
        return s.replace("`", "'");
    }
}
