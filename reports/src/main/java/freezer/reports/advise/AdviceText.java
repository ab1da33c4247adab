package freezer.reports.advise;

import java.util.List;

/** The advice as text for people: per module what import costs, then the suggestions as {@code FILE:LINE:COL: kind: message}. */
public final class AdviceText {
    private static final int WRAP = 100;

    private AdviceText() {
    }

    public static String render(Advice advice) {
        StringBuilder b = new StringBuilder();
        Firmware t = advice.firmware();
        b.append("freezer advise: target ").append(t.target().name()).append(" (").append(t.wordBytes())
                .append("-byte words, ").append(t.gcBlockBytes()).append("-byte heap blocks; qstrs known from ")
                .append(t.qstrSource()).append(")\n");
        for (ModuleAdvice m : advice.modules()) {
            b.append('\n');
            module(b, m);
        }
        b.append('\n').append("total: ").append(plural(advice.modules().size(), "module")).append(", ")
                .append(bytes(advice.importBytes())).append(" of RAM at import");
        if (advice.unsizedObjects() > 0) {
            b.append(", plus what ").append(advice.unsizedObjects()).append(" calls or computed values allocate");
        }
        b.append("; ").append(plural(advice.findingCount(), "suggestion"));
        if (advice.findingRamBytes() > 0) {
            b.append(" saving ").append(bytes(advice.findingRamBytes())).append(" of RAM");
        }
        b.append('\n');
        return b.toString();
    }

    private static void module(StringBuilder b, ModuleAdvice m) {
        b.append(m.file()).append(" (module ").append(m.module()).append("): ").append(bytes(m.importBytes()))
                .append(" of RAM at import");
        if (m.unsizedObjects() > 0) {
            b.append(", plus what ").append(m.unsizedObjects()).append(" calls or computed values allocate");
        }
        b.append('\n');
        b.append("  globals: ").append(plural(m.names().size(), "name")).append(" and ")
                .append(m.dictEntries() - m.names().size()).append(" implicit in a table of ").append(m.dictSlots())
                .append(" slots: ").append(bytes(m.tableBytes())).append("; module and dict objects ")
                .append(bytes(m.moduleBytes())).append('\n');
        if (!m.names().isEmpty()) {
            wrap(b, "    ", m.names().stream().map(GlobalName::name).toList());
        }
        if (!m.objects().isEmpty()) {
            b.append("  built at import:\n");
            for (ImportObject o : m.objects()) {
                String what = (o.boundTo() == null ? "" : o.boundTo() + ": ") + o.what();
                b.append("    ").append(m.file()).append(':').append(o.line()).append(':').append(o.column())
                        .append(": ").append(what).append(", ")
                        .append(o.sizeKnown() ? bytes(o.bytes()) : "not counted").append('\n');
            }
        }
        if (!m.qstrs().isEmpty()) {
            b.append("  qstrs added: ").append(m.qstrs().size()).append(", ").append(bytes(m.qstrBytes()))
                    .append(" (flash when frozen, RAM when the .mpy is loaded)\n");
            wrap(b, "    ", m.qstrs().stream().map(q -> shown(q.text())).toList());
        }
        for (String note : m.notes()) {
            b.append("  note: ").append(note).append('\n');
        }
        if (!m.findings().isEmpty()) {
            b.append("  suggestions:\n");
            for (Finding f : m.findings()) {
                b.append("    ").append(f.file()).append(':').append(f.line()).append(':').append(f.column())
                        .append(": ").append(f.kind().label()).append(": ").append(f.message()).append('\n');
                b.append("        ").append(f.suggestion()).append("    # ").append(saving(f)).append('\n');
            }
        }
    }

    private static String saving(Finding f) {
        StringBuilder s = new StringBuilder();
        if (f.ramBytes() > 0) {
            s.append("saves ").append(bytes(f.ramBytes())).append(" of RAM");
        } else {
            s.append("no RAM saved");
        }
        if (f.mpyBytes() != 0) {
            s.append(f.mpyBytes() > 0 ? ", " + bytes(f.mpyBytes()) + " less" : ", " + bytes(-f.mpyBytes()) + " more")
                    .append(" bytecode");
        }
        return s.toString();
    }

    private static void wrap(StringBuilder b, String indent, List<String> words) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i) + (i + 1 < words.size() ? "," : "");
            if (line.length() > indent.length() && line.length() + 1 + w.length() > WRAP) {
                b.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(w);
        }
        b.append(line).append('\n');
    }

    /** A qstr as it reads best: an identifier as it is, anything else quoted. */
    static String shown(String qstr) {
        boolean identifier = !qstr.isEmpty() && !Character.isDigit(qstr.codePointAt(0));
        for (int i = 0; i < qstr.length() && identifier; i = qstr.offsetByCodePoints(i, 1)) {
            int c = qstr.codePointAt(i);
            identifier = c == '_' || Character.isLetterOrDigit(c);
        }
        if (identifier) {
            return qstr;
        }
        StringBuilder q = new StringBuilder("'");
        for (int i = 0; i < qstr.length(); i++) {
            char c = qstr.charAt(i);
            if (c == '\'' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                q.append(String.format("\\x%02x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('\'').toString();
    }

    static String bytes(long n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
