package freezer.reports.advise;

import freezer.core.parse.ConstNode;
import freezer.core.parse.ConstValue;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects a module's top level builds when it is imported and keeps (MicroPython's guide,
 * "Allocation of memory": data structures, functions, classes and instances; constants stay in
 * flash when frozen). Functions and classes are sized from their C structs; displays of lists,
 * dicts, sets and tuples from their items; a call's result cannot be known, so it is listed with
 * no size, as code that runs at import.
 */
final class ImportObjects {
    private final HeapCosts costs;
    private final byte[] source;
    private final Map<ParseNode, NameScope> scopes = new IdentityHashMap<>();
    private final List<ImportObject> out = new ArrayList<>();

    private ImportObjects(AnalysedModule m, HeapCosts costs) {
        this.costs = costs;
        this.source = m.text().bytes();
        for (NameScope s : m.scope().allScopes()) {
            if (s.node() != null) {
                scopes.put(s.node(), s);
            }
        }
    }

    static List<ImportObject> of(AnalysedModule m, HeapCosts costs) {
        ImportObjects o = new ImportObjects(m, costs);
        for (RuleNode s : m.names().topLevelStatements()) {
            o.statement(s, null);
        }
        // a class's own line first, then what its body builds
        o.out.sort(java.util.Comparator.comparingInt(ImportObject::line).thenComparingInt(ImportObject::column));
        return List.copyOf(o.out);
    }

    /** What an expression builds: a description and its bytes (-1 unknown), or null for nothing. */
    private record Built(String what, long bytes) {
    }

    /**
     * A statement run at import; {@code owner} is the class whose body it is in, or null.
     * Returns the bytes of what it builds that is not listed on its own: a class's methods.
     */
    private long statement(ParseNode pn, String owner) {
        if (!(pn instanceof RuleNode r)) {
            return 0;
        }
        switch (r.rule()) {
            case file_input_2, simple_stmt_2, suite_block_stmts -> {
                long sum = 0;
                for (int i = 0; i < r.size(); i++) {
                    sum += statement(r.arg(i), owner);
                }
                return sum;
            }
            case if_stmt, while_stmt, for_stmt, try_stmt, with_stmt, try_stmt_except_and_more, try_stmt_except_list,
                    try_stmt_except, try_stmt_finally, if_stmt_elif_list, if_stmt_elif -> {
                long sum = 0;
                for (int i = 0; i < r.size(); i++) {
                    sum += statement(r.arg(i), owner);
                }
                return sum;
            }
            case funcdef -> {
                return function(r, owner, false);
            }
            case async_stmt, async_funcdef -> {
                return statement(r.arg(0), owner);
            }
            case classdef -> {
                return classObject(r, owner);
            }
            case decorated -> {
                ParseNode body = r.arg(1);
                if (ParseNodes.isRule(body, Rule.async_funcdef)) {
                    body = ((RuleNode) body).arg(0);
                }
                if (ParseNodes.isRule(body, Rule.funcdef)) {
                    return function((RuleNode) body, owner, true);
                }
                long b = statement(body, owner);
                add(r, "decorator on class " + name(((RuleNode) body).arg(0)), null, -1, owner);
                return b;
            }
            case expr_stmt -> {
                return exprStmt(r, owner);
            }
            default -> {
                return 0;
            }
        }
    }

    private long exprStmt(RuleNode r, String owner) {
        ParseNode lhs = r.arg(0);
        ParseNode rhs = r.arg(1);
        if (rhs == null) {
            if (ParseNodes.isRule(lhs, Rule.atom_expr_normal) && calls((RuleNode) lhs)) {
                add(r, "call " + callee((RuleNode) lhs) + " runs at import", null, -1, owner);
            }
            return 0;
        }
        ParseNode value = rhs;
        if (ParseNodes.isRule(rhs, Rule.annassign)) {
            value = ((RuleNode) rhs).arg(1);
        } else if (ParseNodes.isRule(rhs, Rule.expr_stmt_augassign)) {
            return 0;
        } else if (ParseNodes.isRule(rhs, Rule.expr_stmt_assign_list)) {
            RuleNode list = (RuleNode) rhs;
            value = list.arg(list.size() - 1);
        }
        Built b = built(value);
        if (b == null) {
            return 0;
        }
        String bound = lhs instanceof ParseNode.Id id ? ByteText.text(id.name()) : null;
        add(r, b.what(), bound, b.bytes(), owner);
        return 0;
    }

    private long function(RuleNode def, String owner, boolean decorated) {
        int positional = 0;
        int keyword = 0;
        boolean afterStar = false;
        for (ParseNode p : ParseNodes.extractList(def.arg(1), Rule.typedargslist)) {
            if (ParseNodes.isRule(p, Rule.typedargslist_star) || ParseNodes.isRule(p, Rule.typedargslist_dbl_star)) {
                afterStar = true;
            } else if (ParseNodes.isRule(p, Rule.typedargslist_name) && ((RuleNode) p).arg(2) != null) {
                if (afterStar) {
                    keyword++;
                } else {
                    positional++;
                }
            }
        }
        long bytes = costs.function(positional, keyword > 0) + (keyword > 0 ? costs.dict(keyword) : 0);
        String n = name(def.arg(0));
        if (owner != null) {
            // a method is counted in its class
            return bytes;
        }
        add(def, decorated ? "function " + n + " (decorated: what the decorator returns is not counted)"
                : "function " + n, n, bytes, null);
        return 0;
    }

    private long classObject(RuleNode cls, String owner) {
        String n = name(cls.arg(0));
        NameScope scope = scopes.get(cls);
        int entries = 2;
        if (scope != null) {
            Set<String> bound = new LinkedHashSet<>();
            for (Occurrence o : scope.occurrences()) {
                if (o.role().binds() && o.role() != NameRole.DELETE && scope.isLocal(o.name())) {
                    bound.add(o.name());
                }
            }
            entries += bound.size();
        }
        boolean hasBase = ParseNodes.extractList(cls.arg(1), Rule.arglist).length > 0;
        long bytes = costs.classObject(hasBase, entries) + statement(cls.arg(2), n);
        add(cls, "class " + n + " (type, namespace dict of " + entries + " entries, its methods)",
                owner == null ? n : null, bytes, owner);
        return 0;
    }

    /** What a value expression builds, or null when it builds nothing (a constant, a name, an attribute). */
    private Built built(ParseNode pn) {
        if (!(pn instanceof RuleNode r)) {
            return null;
        }
        switch (r.rule()) {
            case atom_bracket -> {
                ParseNode inner = r.arg(0);
                if (isComprehension(inner)) {
                    return new Built("list comprehension", -1);
                }
                ParseNode[] items = ParseNodes.extractList(inner, Rule.testlist_comp);
                return container("list of " + items.length + " items", costs.list(items.length), items);
            }
            case atom_brace -> {
                return brace(r.arg(0));
            }
            case atom_paren -> {
                ParseNode inner = r.arg(0);
                if (inner == null) {
                    return null;
                }
                if (isComprehension(inner)) {
                    return new Built("generator", -1);
                }
                return tuple(ParseNodes.extractList(inner, Rule.testlist_comp));
            }
            case testlist_star_expr -> {
                ParseNode[] items = new ParseNode[r.size()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = r.arg(i);
                }
                return tuple(items);
            }
            case lambdef -> {
                int defaults = 0;
                for (ParseNode p : ParseNodes.extractList(r.arg(0), Rule.varargslist)) {
                    if (ParseNodes.isRule(p, Rule.varargslist_name)) {
                        defaults++;
                    }
                }
                return new Built("lambda", costs.function(defaults, false));
            }
            case atom_expr_normal -> {
                return call(r);
            }
            default -> {
                return isOperator(r.rule()) ? new Built("value computed at import", -1) : null;
            }
        }
    }

    private Built brace(ParseNode inner) {
        if (inner == null) {
            return new Built("dict of 0 entries", costs.dict(0));
        }
        if (isComprehension(inner)) {
            return new Built("dict or set comprehension", -1);
        }
        List<ParseNode> items = new ArrayList<>();
        if (ParseNodes.isRule(inner, Rule.dictorsetmaker)) {
            RuleNode d = (RuleNode) inner;
            items.add(d.arg(0));
            if (d.arg(1) instanceof RuleNode tail) {
                items.addAll(List.of(ParseNodes.extractList(tail.arg(0), Rule.dictorsetmaker_list2)));
            }
        } else {
            items.add(inner);
        }
        boolean dict = ParseNodes.isRule(items.get(0), Rule.dictorsetmaker_item);
        List<ParseNode> parts = new ArrayList<>();
        for (ParseNode i : items) {
            if (dict && i instanceof RuleNode kv) {
                parts.add(kv.arg(0));
                parts.add(kv.arg(1));
            } else {
                parts.add(i);
            }
        }
        int n = items.size();
        return dict ? container("dict of " + n + " entries", costs.dict(n), parts.toArray(new ParseNode[0]))
                : container("set of " + n + " items", costs.set(n), parts.toArray(new ParseNode[0]));
    }

    private Built tuple(ParseNode[] items) {
        boolean constant = true;
        for (ParseNode i : items) {
            constant &= ParseNodes.isConst(i);
        }
        // a tuple of constants is itself a constant (compile.c), in flash when frozen
        return constant ? null : container("tuple of " + items.length + " items", costs.tuple(items.length), items);
    }

    /** A container and whatever its items build; unknown when any item's size is. */
    private Built container(String what, long own, ParseNode[] items) {
        long sum = own;
        for (ParseNode i : items) {
            Built b = built(i);
            if (b != null) {
                if (b.bytes() < 0) {
                    return new Built(what + " (holding " + b.what() + ")", -1);
                }
                sum += b.bytes();
            }
        }
        return new Built(what, sum);
    }

    private Built call(RuleNode r) {
        if (!calls(r)) {
            return null;
        }
        ParseNode[] trailers = ParseNodes.extractList(r.arg(1), Rule.atom_expr_trailers);
        if (r.arg(0) instanceof ParseNode.Id id && id.name().equals("bytearray") && trailers.length == 1) {
            ParseNode arg = ((RuleNode) trailers[0]).arg(0);
            if (arg instanceof ParseNode.SmallInt n && n.value() >= 0 && n.value() < Integer.MAX_VALUE) {
                return new Built("bytearray of " + n.value() + " bytes", costs.bytearray((int) n.value()));
            }
            if (arg instanceof ConstNode k && k.value() instanceof ConstValue.BytesValue b) {
                return new Built("bytearray of " + b.bytes().length() + " bytes", costs.bytearray(b.bytes().length()));
            }
        }
        return new Built("result of " + callee(r), -1);
    }

    private static boolean calls(RuleNode atomExpr) {
        for (ParseNode t : ParseNodes.extractList(atomExpr.arg(1), Rule.atom_expr_trailers)) {
            if (ParseNodes.isRule(t, Rule.trailer_paren)) {
                return true;
            }
        }
        return false;
    }

    /** {@code name()} or {@code a.b()}: what a call statement calls, as far as it is a plain name. */
    private static String callee(RuleNode atomExpr) {
        StringBuilder b = new StringBuilder();
        b.append(atomExpr.arg(0) instanceof ParseNode.Id id ? ByteText.text(id.name()) : "...");
        for (ParseNode t : ParseNodes.extractList(atomExpr.arg(1), Rule.atom_expr_trailers)) {
            if (ParseNodes.isRule(t, Rule.trailer_period)) {
                b.append('.').append(name(((RuleNode) t).arg(0)));
            } else if (ParseNodes.isRule(t, Rule.trailer_paren)) {
                b.append("()");
                break;
            } else {
                b.append("[]");
            }
        }
        return b.toString();
    }

    private static boolean isComprehension(ParseNode pn) {
        return pn instanceof RuleNode r && r.size() == 2 && ParseNodes.isRule(r.arg(1), Rule.comp_for)
                && (r.rule() == Rule.testlist_comp || r.rule() == Rule.dictorsetmaker);
    }

    private static boolean isOperator(Rule rule) {
        return switch (rule) {
            case arith_expr, term, shift_expr, expr, xor_expr, and_expr, power, factor_2 -> true;
            default -> false;
        };
    }

    private static String name(ParseNode id) {
        return id instanceof ParseNode.Id i ? ByteText.text(i.name()) : "?";
    }

    private void add(RuleNode at, String what, String bound, long bytes, String owner) {
        String w = owner == null ? what : what + " in class " + owner;
        freezer.core.SourcePosition p = freezer.core.SourcePosition.of(source, at.offset());
        out.add(new ImportObject(p.line(), p.column(), w, bound, bytes));
    }
}
