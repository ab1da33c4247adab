package freezer.reports.advise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a module's globals dict holds after import, each one slot (a key and a value):
 * every name its top level binds, and every name a function declares global and binds.
 */
final class GlobalNames {
    /** {@code __name__} and {@code __file__}, which every imported module gets (py/builtinimport.c). */
    static final int IMPLICIT = 2;

    private GlobalNames() {
    }

    static List<GlobalName> of(AnalysedModule m) {
        List<GlobalName> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Occurrence o : m.names().occurrences()) {
            if (!o.role().binds() || o.role() == NameRole.DELETE) {
                continue;
            }
            NameScope s = o.scope();
            boolean global = s.kind() == NameScope.Kind.MODULE || s.declaresGlobal(o.name());
            if (global && seen.add(o.name())) {
                out.add(new GlobalName(ByteText.text(o.name()), o.line(), o.column(), how(o)));
            }
        }
        return out;
    }

    private static String how(Occurrence o) {
        return switch (o.role()) {
            case DEF -> "def";
            case CLASS -> "class";
            case IMPORT -> "import";
            default -> o.scope().kind() == NameScope.Kind.MODULE ? "assignment" : "global in " + o.scope().name();
        };
    }

    /** The entries of the module's dict: its names, the two every module has, and a package's {@code __path__}. */
    static int entries(AnalysedModule m, int names) {
        return names + IMPLICIT + (m.source().isPackage() ? 1 : 0);
    }
}
