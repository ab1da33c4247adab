package freezer.reports.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code freezer report --diff}: the changed modules and functions with old, new and delta,
 * then the totals; unchanged ones are left out. As text, Markdown or JSON (docs/report.md).
 */
public final class DiffReport {
    public static final String FORMAT = "freezer-report-diff";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffReport() {
    }

    public static String table(MapDiff d, Threshold t) {
        StringBuilder b = new StringBuilder();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("module", "old", "new", "delta", "%", ""));
        for (MapDiff.Change c : changed(d.units())) {
            rows.add(List.of(c.unit(), Long.toString(c.oldSize()), Long.toString(c.newSize()), Numbers.signed(c.delta()),
                    pct(c), c.status().label()));
        }
        rows.add(List.of("total", Long.toString(d.oldTotal()), Long.toString(d.newTotal()), Numbers.signed(d.delta()),
                totalPct(d), ""));
        b.append(Numbers.columns(rows));
        List<MapDiff.Change> fns = changed(d.functions());
        if (!fns.isEmpty()) {
            List<List<String>> f = new ArrayList<>();
            f.add(List.of("function", "old", "new", "delta", ""));
            for (MapDiff.Change c : fns) {
                f.add(List.of(c.unit() + ": " + c.function(), Long.toString(c.oldSize()), Long.toString(c.newSize()),
                        Numbers.signed(c.delta()), c.status().label()));
            }
            b.append('\n').append(Numbers.columns(f));
        }
        verdict(b, d, t);
        return b.toString();
    }

    public static String markdown(MapDiff d, Threshold t) {
        StringBuilder b = new StringBuilder();
        b.append("**Firmware size: ").append(d.newTotal()).append(" bytes (").append(Numbers.signed(d.delta()))
                .append(", ").append(totalPct(d)).append("%)**\n\n");
        MarkdownReport.row(b, List.of("module", "old", "new", "delta", "%", "change"));
        MarkdownReport.row(b, List.of("---", "---:", "---:", "---:", "---:", "---"));
        for (MapDiff.Change c : changed(d.units())) {
            MarkdownReport.row(b, List.of("`" + MarkdownReport.code(c.unit()) + "`", Long.toString(c.oldSize()),
                    Long.toString(c.newSize()), Numbers.signed(c.delta()), pct(c), c.status().label()));
        }
        MarkdownReport.row(b, List.of("**total**", Long.toString(d.oldTotal()), Long.toString(d.newTotal()),
                "**" + Numbers.signed(d.delta()) + "**", totalPct(d), ""));
        List<MapDiff.Change> fns = changed(d.functions());
        if (!fns.isEmpty()) {
            b.append("\n<details><summary>").append(fns.size()).append(" functions changed</summary>\n\n");
            MarkdownReport.row(b, List.of("function", "old", "new", "delta", "change"));
            MarkdownReport.row(b, List.of("---", "---:", "---:", "---:", "---"));
            for (MapDiff.Change c : fns) {
                MarkdownReport.row(b, List.of("`" + MarkdownReport.code(c.unit()) + "`: `" + MarkdownReport.code(c.function())
                        + "`", Long.toString(c.oldSize()), Long.toString(c.newSize()), Numbers.signed(c.delta()),
                        c.status().label()));
            }
            b.append("\n</details>\n");
        }
        if (t != null) {
            b.append('\n');
            verdict(b, d, t);
        }
        return b.toString();
    }

    public static String json(MapDiff d, Threshold t) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("old_total", d.oldTotal());
        root.put("new_total", d.newTotal());
        root.put("delta", d.delta());
        if (t != null) {
            root.put("fail_over", t.toString());
            root.put("over", t.exceeded(d.oldTotal(), d.newTotal()));
        }
        ArrayNode modules = root.putArray("modules");
        for (MapDiff.Change c : changed(d.units())) {
            ObjectNode m = modules.addObject();
            m.put("path", c.unit());
            fill(m, c);
        }
        ArrayNode functions = root.putArray("functions");
        for (MapDiff.Change c : changed(d.functions())) {
            ObjectNode m = functions.addObject();
            m.put("module", c.unit());
            m.put("function", c.function());
            m.put("name", c.key());
            fill(m, c);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(ObjectNode m, MapDiff.Change c) {
        m.put("status", c.status().label());
        m.put("old", c.oldSize());
        m.put("new", c.newSize());
        m.put("delta", c.delta());
    }

    private static List<MapDiff.Change> changed(List<MapDiff.Change> all) {
        return all.stream().filter(c -> c.status() != MapDiff.Status.SAME).toList();
    }

    private static String pct(MapDiff.Change c) {
        return c.oldSize() == 0 ? "new" : (c.delta() > 0 ? "+" : "") + Numbers.percent(c.delta(), c.oldSize());
    }

    private static String totalPct(MapDiff d) {
        return (d.delta() > 0 ? "+" : "") + Numbers.percent(d.delta(), d.oldTotal());
    }

    private static void verdict(StringBuilder b, MapDiff d, Threshold t) {
        if (t == null) {
            return;
        }
        boolean over = t.exceeded(d.oldTotal(), d.newTotal());
        b.append(over ? "over the threshold: " : "within the threshold: ")
                .append(d.delta() > 0 ? "grew by " + d.delta() : d.delta() < 0 ? "shrank by " + (-d.delta()) : "unchanged at 0")
                .append(" bytes; --fail-over allows growth up to ").append(t).append('\n');
    }
}
