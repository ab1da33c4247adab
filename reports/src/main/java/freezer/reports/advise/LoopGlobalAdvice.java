package freezer.reports.advise;

import freezer.core.lexer.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Globals a function reads on every pass of a loop (MicroPython's guide, "Variables": a global
 * is a dict lookup, a local a slot on the stack). Suggests a local alias made just before the
 * loop. That reads the global once instead of on every pass, which is the same only when
 * nothing can rebind it during the loop; so: the function is no generator or coroutine (which
 * could stop mid-loop while the module rebinds the name), no function declares the name global,
 * no other module given stores it, nothing deletes it, and it is bound before the function is
 * defined (or is a builtin every port has), so the alias cannot fail where the loop would not
 * have read it.
 */
final class LoopGlobalAdvice {
    /** Builtins that py/modbuiltins.c always has (no #if around them). */
    static final Set<String> ALWAYS_BUILTIN = Set.of("__build_class__", "__import__", "bool", "bytes", "dict", "int",
            "list", "map", "object", "range", "str", "super", "tuple", "type", "zip", "classmethod", "staticmethod",
            "Ellipsis", "abs", "all", "any", "bin", "callable", "chr", "dir", "divmod", "getattr", "setattr",
            "hasattr", "hash", "hex", "id", "isinstance", "issubclass", "iter", "len", "next", "oct", "ord", "pow",
            "print", "repr", "round", "sorted", "sum", "BaseException", "ArithmeticError", "AssertionError",
            "AttributeError", "EOFError", "Exception", "GeneratorExit", "ImportError", "IndentationError",
            "IndexError", "KeyboardInterrupt", "KeyError", "LookupError", "MemoryError", "NameError",
            "NotImplementedError", "OSError", "OverflowError", "RuntimeError", "StopIteration", "SyntaxError",
            "SystemExit", "TypeError", "ValueError", "ZeroDivisionError");

    /** Fewer reads on each pass than this are not worth an alias, which costs bytecode of its own. */
    static final int MIN_READS = 2;

    private LoopGlobalAdvice() {
    }

    static List<Finding> find(ModuleContext c) {
        List<Finding> out = new ArrayList<>();
        if (c.namesAreDynamic()) {
            return out;
        }
        for (NameScope s : c.module().scope().allScopes()) {
            if (s.kind() != NameScope.Kind.FUNCTION || s.generator()) {
                continue;
            }
            Map<Loop, Map<String, List<Occurrence>>> byLoop = new LinkedHashMap<>();
            for (Occurrence o : s.occurrences()) {
                if (o.role() == NameRole.READ && o.context() != ReadContext.RANGE_LOOP && o.loop() != null
                        && s.readsGlobal(o.name())) {
                    byLoop.computeIfAbsent(o.loop().outermost(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
                }
            }
            for (Map.Entry<Loop, Map<String, List<Occurrence>>> e : byLoop.entrySet()) {
                for (Map.Entry<String, List<Occurrence>> n : e.getValue().entrySet()) {
                    Finding f = consider(c, s, e.getKey(), n.getKey(), n.getValue());
                    if (f != null) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    private static Finding consider(ModuleContext c, NameScope fn, Loop loop, String name, List<Occurrence> reads) {
        ModuleNames names = c.names();
        if (reads.size() < MIN_READS || names.has(name, NameRole.GLOBAL_DECL) || names.has(name, NameRole.DELETE)
                || c.outside().stored(c.moduleName(), name) || !boundBefore(c, fn, name)) {
            return null;
        }
        for (Occurrence r : reads) {
            if (!r.position().known()) {
                return null;
            }
        }
        Extents.LineStart start = c.extents().lineStartOf(loop.statement().offset(),
                TokenKind.KW_FOR, TokenKind.KW_WHILE, TokenKind.KW_ASYNC);
        if (start == null) {
            return null;
        }
        String alias = aliasFor(c, name);
        String aliasText = ByteText.text(alias);
        String nameText = ByteText.text(name);
        List<SourceEdit.Replacement> edit = new ArrayList<>();
        edit.add(new SourceEdit.Replacement(start.offset(), start.offset(),
                ByteText.text(start.indent()) + aliasText + " = " + nameText + start.lineBreak()));
        for (Occurrence r : reads) {
            edit.add(new SourceEdit.Replacement(r.position().offset(), r.position().offset() + name.length(),
                    aliasText));
        }
        int n = reads.size();
        String suggestion = aliasText + " = " + nameText + " before the loop at line " + loop.statement().line();
        String message = ByteText.quote(name) + " is a global looked up in the module's dict "
                + (n == 1 ? "once" : n + " times") + " on every pass of the loop at line " + loop.statement().line()
                + " in " + ByteText.text(fn.name()) + "(); a local alias is a slot on the stack instead";
        Occurrence first = reads.get(0);
        return new Finding(FindingKind.LOOP_GLOBAL, c.file(), first.line(), first.column(), nameText, message,
                suggestion, 0, 0, new SourceEdit(edit));
    }

    /**
     * Whether the name is surely bound when the function runs: an unconditional module-level
     * binding before the top-level statement that defines the function, or an always-present
     * builtin that the module never binds.
     */
    private static boolean boundBefore(ModuleContext c, NameScope fn, String name) {
        List<Occurrence> bindings = c.names().bindings(name);
        boolean moduleBinds = false;
        for (Occurrence b : bindings) {
            if (b.scope().kind() == NameScope.Kind.MODULE) {
                moduleBinds = true;
                if (b.unconditional() && b.topLevel() < fn.topLevel()) {
                    return true;
                }
            }
        }
        return !moduleBinds && ALWAYS_BUILTIN.contains(name);
    }

    /** {@code _name} (or {@code name_} for a name that starts with one), not spelled anywhere in the module. */
    private static String aliasFor(ModuleContext c, String name) {
        String base = name.startsWith("_") ? name + "_" : "_" + name;
        String alias = base;
        for (int i = 2; c.extents().nameUsed(alias); i++) {
            alias = base + i;
        }
        return alias;
    }
}
