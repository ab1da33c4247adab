package freezer.reports.advise;

import freezer.core.parse.ConstNode;
import freezer.core.parse.ConstValue;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;
import java.util.List;

/**
 * Questions about the shape of parse-tree nodes that the {@link NameWalker} asks: pure
 * functions of a node, each mirroring how py/compile.c (freezer's compiler) reads that shape.
 */
final class ParseShapes {
    private ParseShapes() {
    }

    /** The module's statements one by one, with {@code a; b} lines split. */
    static void flatten(ParseNode pn, List<ParseNode> out) {
        if (pn instanceof RuleNode r && (r.rule() == Rule.file_input_2 || r.rule() == Rule.simple_stmt_2)) {
            for (int i = 0; i < r.size(); i++) {
                flatten(r.arg(i), out);
            }
        } else if (pn != null) {
            out.add(pn);
        }
    }

    static String dotted(ParseNode[] parts) {
        StringBuilder b = new StringBuilder();
        for (ParseNode p : parts) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(((ParseNode.Id) p).name());
        }
        return b.toString();
    }

    /**
     * Whether a for loop is {@code for name in range(...)} with 1 to 3 plain arguments (a third
     * one a non-zero int), which compiles to a counter loop that never reads {@code range}.
     */
    static boolean isCounterLoop(RuleNode forStmt) {
        if (!(forStmt.arg(0) instanceof ParseNode.Id) || !ParseNodes.isRule(forStmt.arg(1), Rule.atom_expr_normal)) {
            return false;
        }
        RuleNode it = (RuleNode) forStmt.arg(1);
        if (!(it.arg(0) instanceof ParseNode.Id id && id.name().equals("range")
                && ParseNodes.isRule(it.arg(1), Rule.trailer_paren))) {
            return false;
        }
        ParseNode[] args = ParseNodes.extractList(((RuleNode) it.arg(1)).arg(0), Rule.arglist);
        if (args.length < 1 || args.length > 3) {
            return false;
        }
        if (args.length == 3 && !(args[2] instanceof ParseNode.SmallInt s && s.value() != 0)) {
            return false;
        }
        for (int i = 0; i < Math.min(args.length, 2); i++) {
            if (ParseNodes.isRule(args[i], Rule.arglist_star) || ParseNodes.isRule(args[i], Rule.arglist_dbl_star)
                    || ParseNodes.isRule(args[i], Rule.argument)) {
                return false;
            }
        }
        return true;
    }

    static boolean isCallWithOneName(ParseNode trailer) {
        return ParseNodes.isRule(trailer, Rule.trailer_paren) && ((RuleNode) trailer).arg(0) instanceof ParseNode.Id;
    }

    static ReadContext baseContext(ParseNode[] trailers, boolean asTarget) {
        if (trailers.length == 0) {
            return ReadContext.PLAIN;
        }
        RuleNode first = (RuleNode) trailers[0];
        return switch (first.rule()) {
            case trailer_paren -> ReadContext.CALLED;
            case trailer_period -> ReadContext.ATTRIBUTE_BASE;
            case trailer_bracket -> {
                if (asTarget && trailers.length == 1) {
                    yield ReadContext.INDEXED_TARGET;
                }
                yield isSingleIndex(first.arg(0)) ? ReadContext.INDEXED : ReadContext.PLAIN;
            }
            default -> ReadContext.PLAIN;
        };
    }

    /** An index that is one value: not a slice, not a tuple of indices. */
    static boolean isSingleIndex(ParseNode index) {
        if (index instanceof RuleNode r) {
            Rule rule = r.rule();
            return rule != Rule.subscript_2 && rule != Rule.subscript_3 && rule != Rule.subscriptlist;
        }
        return !(index instanceof ConstNode c && c.value() instanceof ConstValue.TupleValue);
    }
}
