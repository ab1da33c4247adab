package freezer.core.parse;

import freezer.core.CompileError;
import freezer.core.ErrorType;
import freezer.core.bytecode.BinaryOp;
import freezer.core.bytecode.UnaryOp;
import freezer.core.lexer.TokenKind;
import freezer.core.parse.ConstValue.FloatValue;
import freezer.core.parse.ConstValue.IntValue;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The parser's constant work (py/parse.c with MICROPY_COMP_CONST_FOLDING, _CONST, _MODULE_CONST
 * and _CONST_FLOAT): folding numeric expressions and {@code and}/{@code or}/{@code not} of
 * constants, {@code NAME = const(value)} definitions and their uses, and {@code math.pi}-style
 * attributes. It works on the parser's result stack, as upstream does.
 */
final class ConstFolder {
    /** mpy-cross's compile-time module constants: only {@code math} (the float constants). */
    private static final Map<String, ConstValue> MATH = Map.of(
            "e", new FloatValue(Math.E),
            "pi", new FloatValue(Math.PI),
            "tau", new FloatValue(2 * Math.PI),
            "inf", new FloatValue(Double.POSITIVE_INFINITY),
            "nan", new FloatValue(Double.NaN));

    private final Parser parser;
    private final int smallIntBits;
    private final Map<String, ConstValue> consts = new HashMap<>();

    ConstFolder(Parser parser, int smallIntBits) {
        this.parser = parser;
        // mpy-cross's host ints are 64-bit: wider targets are no wider in practice
        this.smallIntBits = Math.max(1, Math.min(smallIntBits, 64));
    }

    /** The value of a name defined with {@code const()}, or null. */
    ConstValue constNamed(String id) {
        return consts.isEmpty() ? null : consts.get(id);
    }

    /**
     * parse.c make_node_const_object_optimised: an int that fits the target's small ints (and
     * the host's) becomes a small-int leaf, anything else a constant node.
     */
    ParseNode constNode(int line, int offset, ConstValue v) {
        if (v instanceof IntValue i && !i.isMpz() && fitsSmallInt(i.value())) {
            return new ParseNode.SmallInt(i.value().longValue());
        }
        return new ConstNode(line, offset, v);
    }

    private boolean fitsSmallInt(BigInteger v) {
        int bits = Math.min(smallIntBits, 63);
        return v.bitLength() < bits;
    }

    /** A number for folding: a small int, or a constant node holding an int or float. */
    private static ConstValue number(ParseNode pn) {
        if (pn instanceof ParseNode.SmallInt s) {
            return new IntValue(BigInteger.valueOf(s.value()));
        } else if (pn instanceof ConstNode c && ConstArith.isNumber(c.value())) {
            return c.value();
        }
        return null;
    }

    /**
     * parse.c fold_logical_constants: drops the operands of {@code or}/{@code and} that a
     * constant decides, and folds {@code not} of a constant.
     *
     * @param numArgs in: the rule's argument count; out: what is left of it
     * @return true when the rule was folded to a single node
     */
    boolean foldLogical(Rule rule, int[] numArgs) {
        if (rule == Rule.or_test || rule == Rule.and_test) {
            boolean isOr = rule == Rule.or_test;
            int copyTo = numArgs[0];
            for (int i = copyTo; i > 0;) {
                ParseNode pn = parser.peek(--i);
                parser.set(copyTo - 1, pn);
                if (i == 0) {
                    // the last operand is always kept
                    break;
                }
                if (ParseNodes.isConstBool(pn, isOr)) {
                    break;
                } else if (!ParseNodes.isConstBool(pn, !isOr)) {
                    copyTo--;
                }
            }
            copyTo--;
            for (int i = 0; i < copyTo; i++) {
                parser.pop();
            }
            numArgs[0] -= copyTo;
            return numArgs[0] == 1;
        } else if (rule == Rule.not_test_2) {
            ParseNode pn = parser.peek(0);
            ParseNode folded;
            if (ParseNodes.isConstBool(pn, false)) {
                folded = new ParseNode.Tok(TokenKind.KW_TRUE);
            } else if (ParseNodes.isConstBool(pn, true)) {
                folded = new ParseNode.Tok(TokenKind.KW_FALSE);
            } else {
                return false;
            }
            parser.pop();
            parser.push(folded);
            return true;
        }
        return false;
    }

    /**
     * parse.c fold_constants: numeric expressions of constants (no partial folding), const()
     * definitions, and module constants.
     *
     * @return true when the rule's arguments were replaced by one node
     */
    boolean foldConstants(Rule rule, int numArgs) {
        ConstValue acc;
        switch (rule) {
            case expr, xor_expr, and_expr, power -> {
                acc = number(parser.peek(numArgs - 1));
                if (acc == null) {
                    return false;
                }
                BinaryOp op = switch (rule) {
                    case expr -> BinaryOp.OR;
                    case xor_expr -> BinaryOp.XOR;
                    case and_expr -> BinaryOp.AND;
                    default -> BinaryOp.POWER;
                };
                for (int i = numArgs - 2; i >= 0; i--) {
                    ConstValue rhs = number(parser.peek(i));
                    if (rhs == null) {
                        return false;
                    }
                    acc = ConstArith.binary(op, acc, rhs);
                    if (acc == null) {
                        return false;
                    }
                }
            }
            case shift_expr, arith_expr, term -> {
                acc = number(parser.peek(numArgs - 1));
                if (acc == null) {
                    return false;
                }
                for (int i = numArgs - 2; i >= 1; i -= 2) {
                    ConstValue rhs = number(parser.peek(i - 1));
                    if (rhs == null) {
                        return false;
                    }
                    TokenKind tok = ((ParseNode.Tok) parser.peek(i)).kind();
                    BinaryOp op = BinaryOp.at(BinaryOp.LSHIFT.ordinal()
                            + (tok.ordinal() - TokenKind.OP_DBL_LESS.ordinal()));
                    acc = ConstArith.binary(op, acc, rhs);
                    if (acc == null) {
                        return false;
                    }
                }
            }
            case factor_2 -> {
                acc = number(parser.peek(0));
                if (acc == null) {
                    return false;
                }
                TokenKind tok = ((ParseNode.Tok) parser.peek(1)).kind();
                UnaryOp op;
                if (tok == TokenKind.OP_TILDE) {
                    if (!(acc instanceof IntValue)) {
                        return false;
                    }
                    op = UnaryOp.INVERT;
                } else {
                    op = tok == TokenKind.OP_PLUS ? UnaryOp.POSITIVE : UnaryOp.NEGATIVE;
                }
                acc = ConstArith.unary(op, acc);
            }
            case expr_stmt -> {
                return foldConstDefinition();
            }
            case atom_expr_normal -> {
                acc = moduleConstant();
                if (acc == null) {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
        for (int i = 0; i < numArgs; i++) {
            parser.pop();
        }
        parser.push(constNode(0, 0, acc));
        return true;
    }

    /**
     * {@code NAME = const(value)}: records the constant and stores the plain value; a private
     * constant ({@code _NAME}) needs no store, so the statement becomes "pass".
     *
     * @return true when the statement was replaced
     */
    private boolean foldConstDefinition() {
        ParseNode pn1 = parser.peek(0);
        if (pn1 == null || ParseNode.isRule(pn1, Rule.expr_stmt_augassign)
                || ParseNode.isRule(pn1, Rule.expr_stmt_assign_list)) {
            return false;
        }
        ParseNode pn0 = parser.peek(1);
        if (!(pn0 instanceof ParseNode.Id id && pn1 instanceof RuleNode call && call.rule() == Rule.atom_expr_normal
                && call.arg(0) instanceof ParseNode.Id callee && callee.name().equals("const")
                && ParseNode.isRule(call.arg(1), Rule.trailer_paren))) {
            return false;
        }
        ParseNode valueNode = ((RuleNode) call.arg(1)).arg(0);
        if (!ParseNodes.isConst(valueNode)) {
            throw CompileError.at(ErrorType.SyntaxError, "not a constant", parser.sourceName(), call.line(),
                    call.offset(), null);
        }
        consts.putIfAbsent(id.name(), ParseNodes.toValue(valueNode));
        if (id.name().startsWith("_")) {
            // a private constant needs no store: the statement becomes "pass"
            parser.pop();
            parser.pop();
            parser.pushResultRule(0, 0, Rule.pass_stmt, 0);
            return true;
        }
        parser.pop();
        parser.push(valueNode);
        return false;
    }

    /** {@code math.pi} and friends, as mpy-cross's MICROPY_COMP_MODULE_CONST knows them. */
    private ConstValue moduleConstant() {
        ParseNode pn0 = parser.peek(1);
        ParseNode pn1 = parser.peek(0);
        if (!(pn0 instanceof ParseNode.Id base && pn1 instanceof RuleNode attr && attr.rule() == Rule.trailer_period)) {
            return null;
        }
        if (!base.name().equals("math")) {
            return null;
        }
        return MATH.get(((ParseNode.Id) attr.arg(0)).name());
    }
}
