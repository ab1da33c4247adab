package freezer.core.emit.inline;

import freezer.core.emit.EmitException;
import freezer.core.emit.ErrorSlot;
import freezer.core.emit.Pass;
import freezer.core.emit.asm.XtensaAssembler;
import freezer.core.emit.asm.XtensaOpcodes;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import java.util.Arrays;
import java.util.List;

/**
 * {@code @micropython.asm_xtensa} functions (py/emitinlinextensa.c): the regular instructions
 * of {@link XtensaInlineOp} and the irregular ones written out below, with upstream's
 * SyntaxErrors. A function gets the frame of the native emitter with no locals (call0 or
 * windowed, by {@code -march}); {@code movi} always loads from the literal table before the
 * function, which is why a function is sized twice before it is emitted.
 *
 * <p>As upstream, an operand error does not stop the instruction: the other operands are still
 * read, and the last error of the instruction is the one reported. A label not found yet (a
 * forward label in a sizing pass, which forgets the names at its start) reads as label 0: a
 * forward branch is then sized against label 0, and where that gives a different length than
 * the emitted branch, mpy-cross dies on the moved label; freezer rejects it at the branch.
 */
public final class XtensaInlineAssembler extends InlineAssemblerBase {
    private static final List<String> REGISTER_NAMES = List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7",
            "a8", "a9", "a10", "a11", "a12", "a13", "a14", "a15");

    /** The two-register branches by their condition number (BRANCH_OPCODE_NAMES; 6 and 7 are unused). */
    private static final List<String> BRANCHES = List.of("bnone", "beq", "blt", "bltu", "ball", "bbc", "", "",
            "bany", "bne", "bge", "bgeu", "bnall", "bbs");

    /** The branches on zero: the index's low two bits are the condition (BCCZ_OPCODES). */
    private static final List<String> ZERO_BRANCHES = List.of("beqz", "bnez", "bltz", "bgez", "beqz_n", "bnez_n");

    private static final int BBCI = 6;
    private static final int BBSI = 14;

    private final XtensaAssembler as;
    /** The code offset after each branch of the last sizing pass, by instruction number. */
    private int[] sizedEnds = new int[16];
    private int instruction;

    public XtensaInlineAssembler(int maxLabels, boolean windowed) {
        this(new XtensaAssembler(maxLabels, windowed), maxLabels);
    }

    private XtensaInlineAssembler(XtensaAssembler as, int maxLabels) {
        super(as, maxLabels);
        this.as = as;
    }

    @Override
    public int codeSizePasses() {
        return 2;
    }

    @Override
    public void startPass(Pass p, ErrorSlot errorSlot) {
        super.startPass(p, errorSlot);
        instruction = 0;
        as.entry(0);
    }

    @Override
    public void endPass(int typeSig) {
        as.exit();
        as.endPass();
    }

    @Override
    public int countParams(List<ParseNode> params) {
        return registerParams(params, i -> "a" + (2 + i), "Xtensa", "a2 to a5");
    }

    @Override
    public void op(String name, List<ParseNode> args) {
        int start = as.codeOffset();
        XtensaInlineOp entry = XtensaInlineOp.of(name);
        if (entry != null) {
            if (args.size() != entry.operands()) {
                unknown(name, args.size());
            } else {
                tableOp(entry, name, args);
            }
        } else {
            irregularOp(name, args);
        }
        checkSameLength(start);
        instruction++;
    }

    /**
     * An instruction must take as many bytes when emitted as when sized, or the labels after it
     * move: mpy-cross fails its label assertion there, freezer rejects the instruction.
     */
    private void checkSameLength(int start) {
        int length = as.codeOffset() - start;
        if (instruction >= sizedEnds.length) {
            sizedEnds = Arrays.copyOf(sizedEnds, sizedEnds.length * 2 + instruction);
        }
        if (emitting()) {
            if (sizedEnds[instruction] != length) {
                throw EmitException.abort("a forward Xtensa branch sized against another label"
                        + " (mpy-cross fails an assertion on it)");
            }
        } else {
            sizedEnds[instruction] = length;
        }
    }

    private void tableOp(XtensaInlineOp entry, String name, List<ParseNode> args) {
        int opcode = entry.baseOpcode();
        if (entry.kind() == XtensaInlineOp.Kind.RRI8) {
            int shift = entry.immediateShift();
            int min = entry.signedImmediate() ? -128 : 0;
            int max = entry.signedImmediate() ? 127 : 0xff << shift;
            int immediate = integer(name, args.get(2), min, max);
            opcode |= ((immediate >>> shift) & 0xff) << 16;
        }
        for (int fieldShift = 12; fieldShift >= 4; fieldShift -= 4) {
            int operand = entry.operandOf(fieldShift);
            if (operand >= 0) {
                opcode |= register(name, args.get(operand)) << fieldShift;
            }
        }
        if (entry.kind() == XtensaInlineOp.Kind.RRRN) {
            as.op16(opcode);
        } else {
            as.op24(opcode);
        }
    }

    private void irregularOp(String name, List<ParseNode> args) {
        switch (args.size()) {
            case 1 -> oneOperand(name, args);
            case 2 -> twoOperands(name, args);
            case 3 -> threeOperands(name, args);
            default -> unknown(name, args.size());
        }
    }

    private void oneOperand(String name, List<ParseNode> args) {
        switch (name) {
            case "j" -> as.jump(label(name, args.get(0)));
            case "ssai" -> {
                int sa = integer(name, args.get(0), 0, 31);
                as.op24(XtensaOpcodes.rrr(0, 0, 4, 4, sa & 0xf, (sa >> 4) & 1));
            }
            case "call0" -> as.call0(label(name, args.get(0)));
            default -> unknown(name, 1);
        }
    }

    private void twoOperands(String name, List<ParseNode> args) {
        int r0 = register(name, args.get(0));
        int zeroBranch = ZERO_BRANCHES.indexOf(name);
        if (zeroBranch >= 0) {
            as.bcczLabel(zeroBranch & 3, r0, label(name, args.get(1)));
            return;
        }
        switch (name) {
            // an integer of any size: the literal table holds it
            case "movi" -> as.movRegI32(r0, integer(name, args.get(1), 0, 0));
            case "l32r" -> as.l32r(r0, label(name, args.get(1)));
            case "movi_n" -> as.moviN(r0, integer(name, args.get(1), -32, 95));
            default -> unknown(name, 2);
        }
    }

    private void threeOperands(String name, List<ParseNode> args) {
        int branch = BRANCHES.indexOf(name);
        if (branch >= 0 && !name.isEmpty()) {
            int r0 = register(name, args.get(0));
            int r1 = register(name, args.get(1));
            as.bccLabel(branch, r0, r1, label(name, args.get(2)));
            return;
        }
        switch (name) {
            case "addi_n" -> {
                int r0 = register(name, args.get(0));
                int r1 = register(name, args.get(1));
                int imm4 = integer(name, args.get(2), -1, 15);
                // upstream writes -1 (all bits set) into t for 0 and -1 alike
                as.op16(XtensaOpcodes.rrrn(11, r0, r1, imm4 != 0 ? imm4 : -1));
            }
            case "addmi" -> {
                int r0 = register(name, args.get(0));
                int r1 = register(name, args.get(1));
                int imm = integer(name, args.get(2), -128 * 256, 127 * 256);
                if ((imm & 0xff) != 0) {
                    error(imm + " is not a multiple of 256");
                } else {
                    as.op24(XtensaOpcodes.rri8(2, 13, r1, r0, imm >> 8));
                }
            }
            case "bbci", "bbsi" -> {
                int r0 = register(name, args.get(0));
                int bit = integer(name, args.get(1), 0, 31);
                int label = label(name, args.get(2));
                as.bitBranch(r0, bit, label, name.equals("bbci") ? BBCI : BBSI);
            }
            case "slli" -> {
                int r0 = register(name, args.get(0));
                int r1 = register(name, args.get(1));
                int bits = 32 - integer(name, args.get(2), 1, 31);
                as.op24(XtensaOpcodes.rrr(0, 1, (bits >> 4) & 1, r0, r1, bits & 0xf));
            }
            case "srai" -> {
                int r0 = register(name, args.get(0));
                int r1 = register(name, args.get(1));
                int bits = integer(name, args.get(2), 0, 31);
                as.op24(XtensaOpcodes.rrr(0, 1, 2 | ((bits >> 4) & 1), r0, bits & 0xf, r1));
            }
            case "srli" -> {
                int r0 = register(name, args.get(0));
                int r1 = register(name, args.get(1));
                int bits = integer(name, args.get(2), 0, 15);
                as.op24(XtensaOpcodes.rrr(0, 1, 4, r0, bits, r1));
            }
            case "l32i_n", "s32i_n" -> {
                int r0 = register(name, args.get(0));
                int r1 = register(name, args.get(1));
                int imm = integer(name, args.get(2), 0, 60);
                if ((imm & 3) != 0) {
                    error(imm + " is not a multiple of 4");
                } else if (name.equals("l32i_n")) {
                    as.l32iN(r0, r1, imm >> 2);
                } else {
                    as.s32iN(r0, r1, imm >> 2);
                }
            }
            default -> unknown(name, 3);
        }
    }

    private void unknown(String name, int count) {
        error("unsupported Xtensa instruction '" + name + "' with " + count + " arguments");
    }

    /** get_arg_reg: a0..a15, else an error and 0. */
    private int register(String op, ParseNode node) {
        if (node instanceof ParseNode.Id id) {
            int reg = REGISTER_NAMES.indexOf(id.name());
            if (reg >= 0) {
                return reg;
            }
        }
        error("'" + op + "' expects a register");
        return 0;
    }

    /**
     * get_arg_i: the integer's low 32 bits, range-checked as a signed int unless min equals max;
     * else an error and 0.
     */
    private int integer(String op, ParseNode node, int min, int max) {
        Long value = ParseNodes.intValueMaybe(node);
        if (value == null) {
            error("'" + op + "' expects an integer");
            return 0;
        }
        int i = (int) (long) value;
        if (min != max && (i < min || i > max)) {
            error("'" + op + "' integer " + i + " isn't within range " + min + ".." + max);
            return 0;
        }
        return i;
    }

    /** get_arg_label: the label's number; one not found (yet) is label 0, an error only when emitting. */
    private int label(String op, ParseNode node) {
        if (!(node instanceof ParseNode.Id id)) {
            error("'" + op + "' expects a label");
            return checked(0);
        }
        int label = labelNumber(id.name());
        if (label >= 0) {
            return label;
        }
        if (emitting()) {
            error("label '" + id.name() + "' not defined");
        }
        return checked(0);
    }

    /** Label 0 when the function has no labels at all: upstream's label assertion fails. */
    private int checked(int label) {
        if (label >= as.maxLabels()) {
            throw EmitException.abort("a branch in a function without labels");
        }
        return label;
    }
}
