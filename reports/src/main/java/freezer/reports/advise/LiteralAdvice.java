package freezer.reports.advise;

import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Module-level lists of constants that nothing changes (MicroPython's guide, "Constant data
 * structures" and "Bytes are smaller than ints"): a list is built in RAM at import, item by
 * item, while a bytes literal or a tuple of constants is one constant object, which frozen
 * bytecode keeps in flash. The list must only ever be indexed, iterated, measured with len() or
 * tested with {@code in}, which a tuple does alike and bytes too (but {@code in}); and no other
 * module may see it.
 */
final class LiteralAdvice {
    /** Fewer items than this are not worth a finding. */
    static final int MIN_ITEMS = 4;
    private static final Set<ReadContext> TUPLE_SAFE = EnumSet.of(ReadContext.INDEXED, ReadContext.ITERATED,
            ReadContext.LEN_ARGUMENT, ReadContext.MEMBERSHIP);

    private LiteralAdvice() {
    }

    static List<Finding> find(ModuleContext c) {
        List<Finding> out = new ArrayList<>();
        if (c.namesAreDynamic()) {
            return out;
        }
        for (Occurrence o : c.module().scope().occurrences()) {
            ParseNode[] items = constantListItems(o.value());
            if (o.role() == NameRole.STORE && o.unconditional() && items != null && items.length >= MIN_ITEMS) {
                Finding f = consider(c, o, items);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The items of a list display whose items are all constants, or null. */
    static ParseNode[] constantListItems(ParseNode value) {
        if (!ParseNodes.isRule(value, Rule.atom_bracket) || ((RuleNode) value).arg(0) == null) {
            return null;
        }
        ParseNode inner = ((RuleNode) value).arg(0);
        if (ParseNodes.isRule(inner, Rule.testlist_comp) && ((RuleNode) inner).size() == 2
                && ParseNodes.isRule(((RuleNode) inner).arg(1), Rule.comp_for)) {
            return null;
        }
        ParseNode[] items = ParseNodes.extractList(inner, Rule.testlist_comp);
        for (ParseNode i : items) {
            if (!ParseNodes.isConst(i)) {
                return null;
            }
        }
        return items;
    }

    private static Finding consider(ModuleContext c, Occurrence def, ParseNode[] items) {
        String name = def.name();
        ModuleNames names = c.names();
        if (names.bindings(name).size() != 1 || names.has(name, NameRole.GLOBAL_DECL)
                || names.has(name, NameRole.NONLOCAL_DECL) || c.outside().used(c.moduleName(), name)
                || c.outside().stored(c.moduleName(), name)) {
            return null;
        }
        boolean membership = false;
        for (Occurrence r : names.reads(name)) {
            if (!TUPLE_SAFE.contains(r.context())) {
                return null;
            }
            membership |= r.context() == ReadContext.MEMBERSHIP;
            if (r.context() == ReadContext.LEN_ARGUMENT && !names.bindings("len").isEmpty()) {
                // len means something else here
                return null;
            }
        }
        int[] brackets = c.extents().assignedBrackets(def);
        if (brackets == null) {
            return null;
        }
        TokenIndex tokens = c.extents().tokens();
        int open = tokens.offset(brackets[0]);
        int close = tokens.offset(brackets[1]);
        String bytesLiteral = membership ? null : bytesLiteral(items);
        List<SourceEdit.Replacement> edit = new ArrayList<>();
        String shown;
        String kind;
        if (bytesLiteral != null) {
            edit.add(new SourceEdit.Replacement(open, close + 1, bytesLiteral));
            shown = bytesLiteral.length() <= 40 ? bytesLiteral : bytesLiteral.substring(0, 32) + "...'";
            kind = "a bytes literal";
        } else {
            edit.add(new SourceEdit.Replacement(open, open + 1, "("));
            edit.add(new SourceEdit.Replacement(close, close + 1, ")"));
            shown = "(...)";
            kind = "a tuple";
        }
        long saving = c.costs().list(items.length);
        String text = ByteText.text(name);
        String suggestion = text + " = " + shown;
        String message = ByteText.quote(name) + " is a list of " + items.length + " constants built in RAM at import"
                + " and only ever read; as " + kind + " it is one constant, which stays in flash when frozen";
        return new Finding(FindingKind.LITERAL, c.file(), def.line(), def.column(), text, message, suggestion, saving,
                0, new SourceEdit(edit));
    }

    /** {@code b'\x..'} for items that are all ints from 0 to 255, else null. */
    static String bytesLiteral(ParseNode[] items) {
        StringBuilder b = new StringBuilder("b'");
        for (ParseNode i : items) {
            if (!(i instanceof ParseNode.SmallInt s) || s.value() < 0 || s.value() > 255) {
                return null;
            }
            b.append(String.format("\\x%02x", s.value()));
        }
        return b.append('\'').toString();
    }
}
