package freezer.reports.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import freezer.image.map.MapTarget;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format json}: the report's figures (docs/report.md): the columns, a row per module,
 * the shared objects, packages, and the tree to the chosen depth. The HTML report embeds the
 * same tree.
 */
public final class JsonReport {
    public static final String FORMAT = "freezer-report";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(SizeReport r, ReportOptions o) {
        try {
            return MAPPER.writeValueAsString(tree(r, o)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a JSON object. */
    static ObjectNode tree(SizeReport r, ReportOptions o) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("kind", r.map().kind().label());
        MapTarget t = r.map().target();
        if (t != null) {
            ObjectNode target = root.putObject("target");
            target.put("name", t.name());
            target.put("word_size", t.wordSize());
        }
        root.put("total", r.image().size());
        if (o.budget() > 0) {
            root.put("budget", o.budget());
        }
        ArrayNode columns = root.putArray("columns");
        r.columns().forEach(c -> columns.add(c.label()));
        ArrayNode modules = root.putArray("modules");
        List<SizeNode> units = new ArrayList<>(r.units());
        units.sort(o.sort().comparator());
        for (SizeNode u : units) {
            ObjectNode m = row(modules.addObject(), r, u);
            m.put("package", r.packageOf(u));
            m.put("kind", u.kind());
        }
        row(root.putObject("shared"), r, r.shared());
        ArrayNode packages = root.putArray("packages");
        List<SizeNode> pkgs = new ArrayList<>(r.image().children());
        pkgs.remove(r.shared());
        pkgs.sort(o.sort().comparator());
        for (SizeNode p : pkgs) {
            row(packages.addObject(), r, p).put("modules", p.children().size());
        }
        root.set("tree", node(r, r.image(), 0, o));
        return root;
    }

    private static ObjectNode row(ObjectNode o, SizeReport r, SizeNode n) {
        o.put("name", n.name());
        for (Category c : r.columns()) {
            o.put(c.label(), n.bytes(c));
        }
        o.put("total", n.size());
        o.put("percent", Double.parseDouble(r.percent(n.size())));
        return o;
    }

    private static ObjectNode node(SizeReport r, SizeNode n, int level, ReportOptions o) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("name", n.name());
        out.put("level", n.level().name().toLowerCase(java.util.Locale.ROOT));
        if (n.kind() != null) {
            out.put("kind", n.kind());
        }
        out.put("size", n.size());
        ObjectNode by = out.putObject("bytes");
        for (Category c : r.columns()) {
            if (n.bytes(c) != 0) {
                by.put(c.label(), n.bytes(c));
            }
        }
        if (level < o.depth() && !n.children().isEmpty()) {
            ArrayNode children = out.putArray("children");
            List<SizeNode> cs = new ArrayList<>(n.children());
            cs.sort(o.sort().comparator());
            for (SizeNode c : cs) {
                children.add(node(r, c, level + 1, o));
            }
        }
        return out;
    }
}
