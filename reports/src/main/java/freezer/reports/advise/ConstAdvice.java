package freezer.reports.advise;

import freezer.core.parse.ConstNode;
import freezer.core.parse.ConstValue;
import freezer.core.parse.ParseNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Module-level ints assigned once that could be {@code const()} (MicroPython's optimisation
 * guide, "Variables"; py/parse.c folds them). The parser then puts the value wherever the name
 * is read, in every scope, after the assignment, so the name must never be bound again, nor be
 * a keyword argument's name (both would become a literal there). A {@code _NAME} const is not
 * stored at all: it saves the dict slot, but only reads after it see it, and no other module can.
 */
final class ConstAdvice {
    private ConstAdvice() {
    }

    static List<Finding> find(ModuleContext c) {
        List<Finding> out = new ArrayList<>();
        if (c.namesAreDynamic()) {
            return out;
        }
        for (Occurrence o : c.module().scope().occurrences()) {
            if (o.role() == NameRole.STORE && o.unconditional() && isInt(o.value())) {
                Finding f = consider(c, o);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static boolean isInt(ParseNode value) {
        return value instanceof ParseNode.SmallInt
                || value instanceof ConstNode k && k.value() instanceof ConstValue.IntValue;
    }

    private static Finding consider(ModuleContext c, Occurrence def) {
        String name = def.name();
        ModuleNames names = c.names();
        if (names.bindings(name).size() != 1 || names.has(name, NameRole.GLOBAL_DECL)
                || names.has(name, NameRole.NONLOCAL_DECL) || names.has(name, NameRole.KEYWORD)
                || c.outside().stored(c.moduleName(), name)) {
            return null;
        }
        int[] value = c.extents().assignedValue(def);
        if (value == null) {
            return null;
        }
        List<Occurrence> reads = names.reads(name);
        // the parser replaces only reads after the const() line; earlier ones stay dict lookups
        long after = reads.stream().filter(r -> names.before(def, r)).count();
        String valueText = shorten(ByteText.text(c.extents().text().slice(value[0], value[1])));
        List<SourceEdit.Replacement> edit = new ArrayList<>();
        edit.add(new SourceEdit.Replacement(value[0], value[0], "const("));
        edit.add(new SourceEdit.Replacement(value[1], value[1], ")"));

        boolean readOutside = c.outside().used(c.moduleName(), name);
        boolean allReadsAfter = reads.stream().allMatch(r -> names.before(def, r) && r.position().known());
        String privateName = name.startsWith("_") ? name : "_" + name;
        boolean canBePrivate = !readOutside && allReadsAfter && def.position().known()
                && (name.equals(privateName) || !c.extents().nameUsed(privateName));
        long n = after;
        String uses = n == 1 ? "its read" : "each of its " + n + " reads";
        if (canBePrivate) {
            if (!name.equals(privateName)) {
                for (Occurrence r : withDefinition(def, reads)) {
                    edit.add(new SourceEdit.Replacement(r.position().offset(), r.position().offset() + name.length(),
                            ByteText.text(privateName)));
                }
            }
            String suggestion = ByteText.text(privateName) + " = const(" + valueText + ")";
            String message = ByteText.quote(name) + " is an int assigned once"
                    + (readOutside ? "" : " and no other module given reads it")
                    + ": as `" + suggestion + "` it takes no slot in the module's dict"
                    + (n == 0 ? "" : " and " + uses + " becomes the constant");
            return finding(c, def, message, suggestion, 2L * c.costs().word(), edit);
        }
        if (name.equals(privateName) || n == 0) {
            // an _NAME read before its definition, or a public name nothing after it reads
            return null;
        }
        String why = readOutside ? "another module reads it" : !allReadsAfter ? "it is read before line " + def.line()
                : "the name _" + ByteText.text(name) + " is taken";
        String suggestion = ByteText.text(name) + " = const(" + valueText + ")";
        String message = ByteText.quote(name) + " is an int assigned once: as `" + suggestion + "` "
                + uses + " after it becomes the constant instead of a dict lookup (it keeps its dict slot: "
                + why + ")";
        return finding(c, def, message, suggestion, 0, edit);
    }

    /** A value as messages show it: long ones cut, lines joined. */
    static String shorten(String value) {
        String one = value.replaceAll("\\\\?\\r?\\n\\s*", " ");
        return one.length() <= 40 ? one : one.substring(0, 32) + "...";
    }

    private static List<Occurrence> withDefinition(Occurrence def, List<Occurrence> reads) {
        List<Occurrence> all = new ArrayList<>();
        all.add(def);
        all.addAll(reads);
        return all;
    }

    private static Finding finding(ModuleContext c, Occurrence def, String message, String suggestion, long ram,
            List<SourceEdit.Replacement> edit) {
        return new Finding(FindingKind.CONST, c.file(), def.line(), def.column(), ByteText.text(def.name()), message,
                suggestion, ram, 0, new SourceEdit(edit));
    }
}
