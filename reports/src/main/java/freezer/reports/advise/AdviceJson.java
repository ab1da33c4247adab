package freezer.reports.advise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The advice as JSON ({@code freezer advise --json}); docs/advise.md documents every field. */
public final class AdviceJson {
    /** The value of {@code "format"}. */
    public static final String FORMAT = "freezer-advise";
    /** Raised when a field changes meaning or goes away; new fields do not raise it. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdviceJson() {
    }

    public static String render(Advice advice) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode target = root.putObject("target");
        Firmware f = advice.firmware();
        target.put("name", f.target().name());
        target.put("wordBytes", f.wordBytes());
        target.put("gcBlockBytes", f.gcBlockBytes());
        target.put("qstrHashBytes", f.qstrConfig().bytesInHash());
        target.put("qstrLenBytes", f.qstrConfig().bytesInLen());
        target.put("qstrHeader", f.qstrs() != null);
        ObjectNode totals = root.putObject("totals");
        totals.put("importBytes", advice.importBytes());
        totals.put("unsizedObjects", advice.unsizedObjects());
        totals.put("findings", advice.findingCount());
        totals.put("findingRamBytes", advice.findingRamBytes());
        totals.put("qstrBytes", advice.qstrBytes());
        ArrayNode modules = root.putArray("modules");
        for (ModuleAdvice m : advice.modules()) {
            module(modules.addObject(), m);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void module(ObjectNode o, ModuleAdvice m) {
        o.put("file", m.file());
        o.put("module", m.module());
        o.put("importBytes", m.importBytes());
        o.put("unsizedObjects", m.unsizedObjects());
        ObjectNode globals = o.putObject("globals");
        globals.put("entries", m.dictEntries());
        globals.put("slots", m.dictSlots());
        globals.put("tableBytes", m.tableBytes());
        globals.put("moduleBytes", m.moduleBytes());
        ArrayNode names = globals.putArray("names");
        for (GlobalName n : m.names()) {
            ObjectNode e = names.addObject();
            e.put("name", n.name());
            e.put("line", n.line());
            e.put("column", n.column());
            e.put("how", n.how());
        }
        ArrayNode objects = o.putArray("objects");
        for (ImportObject b : m.objects()) {
            ObjectNode e = objects.addObject();
            e.put("line", b.line());
            e.put("column", b.column());
            e.put("what", b.what());
            if (b.boundTo() == null) {
                e.putNull("boundTo");
            } else {
                e.put("boundTo", b.boundTo());
            }
            if (b.sizeKnown()) {
                e.put("bytes", b.bytes());
            } else {
                e.putNull("bytes");
            }
        }
        ArrayNode qstrs = o.putArray("qstrs");
        for (ModuleQstr q : m.qstrs()) {
            ObjectNode e = qstrs.addObject();
            e.put("text", q.text());
            e.put("line", q.line());
            e.put("column", q.column());
            e.put("bytes", q.bytes());
        }
        ArrayNode findings = o.putArray("findings");
        for (Finding f : m.findings()) {
            ObjectNode e = findings.addObject();
            e.put("kind", f.kind().label());
            e.put("line", f.line());
            e.put("column", f.column());
            e.put("name", f.name());
            e.put("message", f.message());
            e.put("suggestion", f.suggestion());
            e.put("ramBytes", f.ramBytes());
            e.put("mpyBytes", f.mpyBytes());
            ArrayNode edit = e.putArray("edit");
            for (SourceEdit.Replacement r : f.edit().replacements()) {
                ObjectNode x = edit.addObject();
                x.put("start", r.start());
                x.put("end", r.end());
                x.put("text", r.text());
            }
        }
        ArrayNode notes = o.putArray("notes");
        m.notes().forEach(notes::add);
    }
}
