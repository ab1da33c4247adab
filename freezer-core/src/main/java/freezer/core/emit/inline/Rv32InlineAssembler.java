package freezer.core.emit.inline;

import freezer.core.emit.asm.Rv32Assembler;
import freezer.core.emit.asm.Rv32Opcodes;
import freezer.core.lexer.TokenKind;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;
import java.util.List;

/**
 * {@code @micropython.asm_rv32} functions (py/emitinlinerv32.c): the instructions of
 * {@link Rv32InlineOp}, their operands checked against upstream's masks, with upstream's
 * SyntaxErrors. A function has no prologue; its end returns with {@code c.jr ra}. Up to four
 * parameters arrive in a0..a3.
 *
 * <p>Upstream looks labels up by name among those defined so far in the pass. In the sizing
 * pass a label further down is not found yet and upstream reads the label slot just past the
 * table, which holds 0 in mpy-cross: a forward branch is then range-checked as if it went back
 * to the function start, and rejected once the function start is out of its reach
 * ({@code bad/rv32_forward_sizing}). freezer checks the same way.
 */
public final class Rv32InlineAssembler extends InlineAssemblerBase {
    /** The register names, x0 to x31 by ABI name and then by number (REGISTERS_QSTR_TABLE). */
    private static final List<String> REGISTER_NAMES = List.of(
            "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
            "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
            "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
            "x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x29",
            "x30", "x31");

    private final Rv32Assembler as;

    public Rv32InlineAssembler(int maxLabels, long archFlags) {
        this(new Rv32Assembler(maxLabels, archFlags), maxLabels);
    }

    private Rv32InlineAssembler(Rv32Assembler as, int maxLabels) {
        super(as, maxLabels);
        this.as = as;
    }

    @Override
    public void endPass(int typeSig) {
        as.cJr(Rv32Opcodes.RA);
        as.endPass();
    }

    @Override
    public int countParams(List<ParseNode> params) {
        if (params.size() > MAX_PARAMS) {
            error("can only have up to 4 parameters for RV32 assembly");
            return 0;
        }
        for (int i = 0; i < params.size(); i++) {
            if (register(params.get(i)) != Rv32Opcodes.A0 + i) {
                error("parameters must be registers in sequence a0 to a3");
                return 0;
            }
        }
        return params.size();
    }

    @Override
    public void op(String name, List<ParseNode> args) {
        Rv32InlineOp op = Rv32InlineOp.of(name);
        if (op == null || op.needsZba() && !as.allowsZba()) {
            error("invalid RV32 instruction '" + name + "'");
            return;
        }
        if (args.size() != op.argumentCount()) {
            error("opcode '" + name + "': expecting " + op.argumentCount() + " arguments");
            return;
        }
        long[] values = new long[3];
        for (int i = 0; i < op.argumentCount(); i++) {
            boolean ok = op.shape() == Rv32InlineOp.Shape.OFFSET && i == 1
                    ? offsetAndBase(op, args.get(1), values)
                    : operand(op, args.get(i), i, values);
            if (!ok) {
                return;
            }
        }
        op.emit(as, (int) values[0], (int) values[1], (int) values[2]);
    }

    private void argumentError(Rv32InlineOp op, int index, String what) {
        error("opcode '" + op.mnemonic() + "' argument " + (index + 1) + ": " + what);
    }

    /** parse_register_node: the register an identifier names, or -1. */
    private static int register(ParseNode node) {
        if (!(node instanceof ParseNode.Id id)) {
            return -1;
        }
        int index = REGISTER_NAMES.indexOf(id.name());
        return index < 0 ? -1 : index % 32;
    }

    /** serialise_argument: operand {@code index} of {@code op} from its node into {@code values}; false after an error. */
    private boolean operand(Rv32InlineOp op, ParseNode node, int index, long[] values) {
        Rv32InlineOp.Operand spec = op.operand(index);
        switch (spec.kind()) {
            case REG, REG_C -> {
                int reg = register(node);
                if (reg < 0) {
                    argumentError(op, index, "expecting register");
                    return false;
                }
                if ((spec.mask() & 1 << reg) == 0) {
                    argumentError(op, index, "unknown register");
                    return false;
                }
                values[index] = spec.kind() == Rv32InlineOp.Kind.REG_C ? Rv32Opcodes.compressed(reg) : reg;
            }
            case IMM -> {
                Long value = ParseNodes.intValueMaybe(node);
                if (value == null) {
                    argumentError(op, index, "expecting integer");
                    return false;
                }
                long imm = value << spec.shift();
                if (!inRange(spec, imm)) {
                    argumentError(op, index, "out of range");
                    return false;
                }
                if (spec.nonZero() && imm == 0) {
                    argumentError(op, index, "must not be zero");
                    return false;
                }
                values[index] = imm;
            }
            case LABEL -> {
                if (!(node instanceof ParseNode.Id id)) {
                    argumentError(op, index, "expecting label");
                    return false;
                }
                int label = labelNumber(id.name());
                if (label < 0 && emitting()) {
                    argumentError(op, index, "undefined label '" + id.name() + "'");
                    return false;
                }
                // a label not found yet reads as offset 0 (see the class comment)
                long displacement = (label < 0 ? 0 : as.labelOffset(label)) - as.codeOffset();
                if (!inRange(spec, displacement)) {
                    argumentError(op, index, "out of range");
                    return false;
                }
                values[index] = displacement;
            }
        }
        return true;
    }

    /**
     * serialise_register_offset_node: {@code offset(base)} (or {@code -offset(base)}) into
     * operands 1 and 2. The base may follow the offset in any one trailer: upstream only reads
     * the trailer's first child.
     */
    private boolean offsetAndBase(Rv32InlineOp op, ParseNode node, long[] values) {
        if (!ParseNodes.isRule(node, Rule.atom_expr_normal) && !ParseNodes.isRule(node, Rule.factor_2)) {
            argumentError(op, 1, "expecting offset");
            return false;
        }
        RuleNode expr = (RuleNode) node;
        boolean negative = false;
        if (expr.rule() == Rule.factor_2) {
            if (ParseNodes.isToken(expr.arg(0), TokenKind.OP_MINUS)) {
                negative = true;
            } else if (!ParseNodes.isToken(expr.arg(0), TokenKind.OP_PLUS)) {
                argumentError(op, 1, "expecting offset");
                return false;
            }
            if (!ParseNodes.isRule(expr.arg(1), Rule.atom_expr_normal)) {
                argumentError(op, 1, "expecting offset");
                return false;
            }
            expr = (RuleNode) expr.arg(1);
        }
        if (negative) {
            // the minus sign is outside the call, so the range is checked on the negated value
            Long value = ParseNodes.intValueMaybe(expr.arg(0));
            if (value == null) {
                argumentError(op, 1, "expecting integer");
                return false;
            }
            Rv32InlineOp.Operand spec = op.operand(1);
            long offset = -value;
            if (!inRange(spec, offset << spec.shift()) || spec.nonZero() && offset << spec.shift() == 0) {
                argumentError(op, 1, "out of range");
                return false;
            }
            values[1] = offset;
        } else if (!operand(op, expr.arg(0), 1, values)) {
            return false;
        }
        RuleNode trailer = (RuleNode) expr.arg(1);
        return operand(op, trailer.size() == 0 ? null : trailer.arg(0), 2, values);
    }

    private static boolean inRange(Rv32InlineOp.Operand spec, long value) {
        return spec.unsigned() ? inUnsignedMask(spec.mask(), value) : inSignedMask(spec.mask(), value);
    }

    /** is_in_unsigned_mask: no bit outside the mask (the value's upper 32 bits included). */
    private static boolean inUnsignedMask(int mask, long value) {
        return (value & ~Integer.toUnsignedLong(mask)) == 0;
    }

    /**
     * is_in_signed_mask: the low 32 bits of the value are a number the contiguous mask can hold
     * as a signed field (its top bit the sign); a negative value must also have the bits below
     * the mask clear, a positive one gets that from the mask itself.
     */
    private static boolean inSignedMask(int mask, long value) {
        int leadingZeros = Integer.numberOfLeadingZeros(mask);
        if (leadingZeros == 0) {
            return true;
        }
        long positive = Integer.toUnsignedLong(~(mask & ~(1 << (31 - leadingZeros))));
        if ((value & positive) == 0) {
            return true;
        }
        long negative = Integer.toUnsignedLong(~(mask >>> 1));
        int trailingZeros = Integer.numberOfTrailingZeros(mask);
        if (trailingZeros > 0) {
            long trailing = (1L << trailingZeros) - 1;
            if ((value & trailing) != 0) {
                return false;
            }
            negative &= ~trailing;
        }
        return (value & negative) == negative;
    }
}
