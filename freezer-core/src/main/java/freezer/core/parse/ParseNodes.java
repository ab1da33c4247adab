package freezer.core.parse;

import freezer.core.lexer.TokenKind;
import java.math.BigInteger;
import java.util.List;

/** Questions the parser and compiler ask of parse nodes (py/parse.c's mp_parse_node_* helpers). */
public final class ParseNodes {
    private static final ParseNode[] NONE = new ParseNode[0];

    private ParseNodes() {
    }

    /** mp_parse_node_is_const: a literal the parser can turn into an object. */
    public static boolean isConst(ParseNode pn) {
        if (pn instanceof ParseNode.SmallInt || pn instanceof ParseNode.Str || pn instanceof ConstNode) {
            return true;
        } else if (pn instanceof ParseNode.Tok t) {
            TokenKind k = t.kind();
            return k == TokenKind.KW_NONE || k == TokenKind.KW_FALSE || k == TokenKind.KW_TRUE
                    || k == TokenKind.ELLIPSIS;
        } else if (pn instanceof RuleNode r && r.rule() == Rule.atom_paren) {
            // the empty tuple
            return r.arg(0) == null;
        }
        return false;
    }

    /**
     * mp_parse_node_get_int_maybe with mp_obj_get_int_truncated: the integer a node holds (a
     * small int or an int constant), cut to its low 64 bits, or null for any other node.
     */
    public static Long intValueMaybe(ParseNode pn) {
        if (pn instanceof ParseNode.SmallInt i) {
            return i.value();
        }
        if (pn instanceof ConstNode k && k.value() instanceof ConstValue.IntValue i) {
            return i.value().longValue();
        }
        return null;
    }

    /** mp_parse_node_convert_to_obj, for a node {@link #isConst} accepts. */
    public static ConstValue toValue(ParseNode pn) {
        if (pn instanceof ParseNode.SmallInt s) {
            return new ConstValue.IntValue(BigInteger.valueOf(s.value()));
        } else if (pn instanceof ParseNode.Str s) {
            return new ConstValue.StrValue(s.value());
        } else if (pn instanceof ConstNode c) {
            return c.value();
        } else if (pn instanceof ParseNode.Tok t) {
            return switch (t.kind()) {
                case KW_NONE -> ConstValue.Singleton.NONE;
                case KW_FALSE -> ConstValue.Singleton.FALSE;
                case KW_TRUE -> ConstValue.Singleton.TRUE;
                default -> ConstValue.Singleton.ELLIPSIS;
            };
        }
        return new ConstValue.TupleValue(List.of());
    }

    /** Whether {@code pn} is a constant whose truth is {@code value}. */
    public static boolean isConstBool(ParseNode pn, boolean value) {
        return isConst(pn) && ConstArith.isTrue(toValue(pn)) == value;
    }

    public static boolean isConstFalse(ParseNode pn) {
        return isConstBool(pn, false);
    }

    public static boolean isConstTrue(ParseNode pn) {
        return isConstBool(pn, true);
    }

    /**
     * mp_parse_node_extract_list: the items of a list node of the given rule, or the node itself
     * as a list of one, or nothing for an absent node.
     */
    public static ParseNode[] extractList(ParseNode pn, Rule listRule) {
        if (pn == null) {
            return NONE;
        }
        if (pn instanceof RuleNode r && r.rule() == listRule) {
            ParseNode[] items = new ParseNode[r.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = r.arg(i);
            }
            return items;
        }
        return new ParseNode[] {pn};
    }

    public static boolean isRule(ParseNode pn, Rule rule) {
        return pn instanceof RuleNode r && r.rule() == rule;
    }

    public static boolean isId(ParseNode pn) {
        return pn instanceof ParseNode.Id;
    }

    public static boolean isToken(ParseNode pn, TokenKind kind) {
        return pn instanceof ParseNode.Tok t && t.kind() == kind;
    }

    /** Leaves that are not identifiers, and constant nodes: what a lone statement may discard. */
    public static boolean isConstantLeafOrObject(ParseNode pn) {
        return pn instanceof ParseNode.SmallInt || pn instanceof ParseNode.Str || pn instanceof ParseNode.Tok
                || pn instanceof ConstNode;
    }

    /** The line of a node that has one (rule and constant nodes), else 0. */
    public static int line(ParseNode pn) {
        if (pn instanceof RuleNode r) {
            return r.line();
        } else if (pn instanceof ConstNode c) {
            return c.line();
        }
        return 0;
    }

    /** The source offset of a node that has one (see {@link RuleNode#offset()}), else -1. */
    public static int offset(ParseNode pn) {
        if (pn instanceof RuleNode r) {
            return r.offset();
        } else if (pn instanceof ConstNode c) {
            return c.offset();
        }
        return -1;
    }
}
