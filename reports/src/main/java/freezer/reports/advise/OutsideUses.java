package freezer.reports.advise;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the modules given to the advisor use of each other's globals. A module counts as using
 * name {@code x} of module M when it does {@code from M import x}, or when it imports M (or a
 * package M is in) and takes an attribute {@code .x} of anything: more than it really uses,
 * never less. A star import of M uses every public name of M. Modules the advisor was not given
 * are not seen; the advice says so.
 */
final class OutsideUses {
    private final Map<String, Set<String>> read = new HashMap<>();
    private final Map<String, Set<String>> stored = new HashMap<>();
    private final Set<String> starImported = new HashSet<>();

    OutsideUses(List<AnalysedModule> modules) {
        for (AnalysedModule user : modules) {
            for (AnalysedModule target : modules) {
                if (user != target) {
                    collect(user, target.source().module());
                }
            }
        }
    }

    private void collect(AnalysedModule user, String target) {
        boolean importsTarget = false;
        for (ImportStatement s : user.names().imports()) {
            String from = resolve(user.source(), s);
            if (s.from()) {
                if (from.equals(target)) {
                    if (s.star()) {
                        starImported.add(target);
                    }
                    read.computeIfAbsent(target, k -> new HashSet<>()).addAll(s.names());
                }
                for (String n : s.names()) {
                    // "from pkg import mod" imports the module pkg.mod
                    if (isWithin(target, from.isEmpty() ? n : from + "." + n)) {
                        importsTarget = true;
                    }
                }
                if (isWithin(target, from)) {
                    importsTarget = true;
                }
            } else if (isWithin(target, from)) {
                importsTarget = true;
            }
        }
        if (!importsTarget) {
            return;
        }
        for (Occurrence o : user.names().occurrences()) {
            if (o.role() == NameRole.ATTRIBUTE) {
                read.computeIfAbsent(target, k -> new HashSet<>()).add(o.name());
                if (o.context() == ReadContext.ATTRIBUTE_TARGET) {
                    stored.computeIfAbsent(target, k -> new HashSet<>()).add(o.name());
                }
            }
        }
    }

    /** Whether importing {@code imported} binds a name through which {@code target} can be reached. */
    private static boolean isWithin(String target, String imported) {
        return !imported.isEmpty() && (target.equals(imported) || target.startsWith(imported + ".")
                || imported.startsWith(target + "."));
    }

    /** The absolute module an import names, relative imports resolved against the importing module. */
    static String resolve(ModuleSource user, ImportStatement s) {
        if (s.level() == 0) {
            return s.module();
        }
        String base = user.module();
        // a package's __init__ is its own package; a plain module's package is its parent
        int up = user.isPackage() ? s.level() - 1 : s.level();
        for (int i = 0; i < up; i++) {
            int dot = base.lastIndexOf('.');
            base = dot < 0 ? "" : base.substring(0, dot);
        }
        if (s.module().isEmpty()) {
            return base;
        }
        return base.isEmpty() ? s.module() : base + "." + s.module();
    }

    /** Whether any other module may read or write {@code name} of {@code module}. */
    boolean used(String module, String name) {
        return starImported.contains(module) && !name.startsWith("_")
                || read.getOrDefault(module, Set.of()).contains(name);
    }

    /** Whether any other module may assign or delete {@code name} of {@code module}. */
    boolean stored(String module, String name) {
        return stored.getOrDefault(module, Set.of()).contains(name);
    }
}
