package freezer.core.emit.inline;

import freezer.core.emit.ErrorSlot;
import freezer.core.emit.Pass;
import freezer.core.emit.asm.ThumbAssembler;
import freezer.core.emit.inline.ThumbInlineOp.Dispatch;
import freezer.core.emit.inline.ThumbInlineOp.Operand;
import freezer.core.emit.inline.ThumbInlineOp.Result;
import freezer.core.parse.ParseNode;
import freezer.core.parse.ParseNodes;
import freezer.core.parse.Rule;
import freezer.core.parse.RuleNode;
import java.util.List;
import java.util.Map;

/**
 * {@code @micropython.asm_thumb} functions (py/emitinlinethumb.c): the instructions of
 * {@link ThumbInlineOp}, the Thumb-2 ones only on armv7m and later, the VFP ones only on
 * armv7emsp and armv7emdp, with upstream's SyntaxErrors. A function saves r1 and r4-r7 with lr
 * on entry and returns by popping them with pc; up to four parameters arrive in r0..r3. On
 * armv6 (an ARM core) the function starts with ARM code that calls its Thumb body.
 *
 * <p>As upstream, an operand error does not stop the instruction: the other operands are still
 * read, each later error replacing the one before, and the instruction is still written (the
 * compiler stops after it). A label not defined yet reads as label 0 in the sizing pass, which
 * no size depends on; in the emitting pass an undefined one is an error.
 */
public final class ThumbInlineAssembler extends InlineAssemblerBase {
    private static final Map<String, Integer> REGISTERS = Map.ofEntries(
            Map.entry("r0", 0), Map.entry("r1", 1), Map.entry("r2", 2), Map.entry("r3", 3), Map.entry("r4", 4),
            Map.entry("r5", 5), Map.entry("r6", 6), Map.entry("r7", 7), Map.entry("r8", 8), Map.entry("r9", 9),
            Map.entry("r10", 10), Map.entry("r11", 11), Map.entry("r12", 12), Map.entry("r13", 13),
            Map.entry("r14", 14), Map.entry("r15", 15), Map.entry("sl", 10), Map.entry("fp", 11),
            Map.entry("sp", 13), Map.entry("lr", 14), Map.entry("pc", 15));

    private static final Map<String, Integer> SPECIAL_REGISTERS = Map.of("IPSR", 5, "BASEPRI", 17);

    private final ThumbAssembler as;
    private final boolean fpu;

    /** An assembler for the variant; {@code fpu} where the target has single-precision VFP. */
    public ThumbInlineAssembler(int maxLabels, ThumbAssembler.Variant variant, boolean fpu) {
        this(new ThumbAssembler(maxLabels, variant), maxLabels, fpu);
    }

    private ThumbInlineAssembler(ThumbAssembler as, int maxLabels, boolean fpu) {
        super(as, maxLabels);
        this.as = as;
        this.fpu = fpu;
    }

    @Override
    public void startPass(Pass p, ErrorSlot errorSlot) {
        super.startPass(p, errorSlot);
        as.entry(0);
    }

    @Override
    public void endPass(int typeSig) {
        as.exit();
        as.endPass();
    }

    @Override
    public int countParams(List<ParseNode> params) {
        return registerParams(params, i -> "r" + i, "Thumb", "r0 to r3");
    }

    @Override
    public void op(String name, List<ParseNode> args) {
        ThumbInlineOp op = find(name, args);
        if (op == null) {
            unknown(name, args.size());
            return;
        }
        int[] values = new int[8];
        int slot = 0;
        for (int i = 0; i < args.size(); i++) {
            Operand spec = op.operands().get(i);
            if (!operand(op, spec, args.get(i), values, slot)) {
                return;
            }
            slot += spec.slots();
        }
        Result result = op.emit().emit(as, values);
        if (result == Result.UNKNOWN) {
            unknown(name, args.size());
        } else if (result == Result.OUT_OF_RANGE) {
            error("branch not in range");
        }
    }

    /** The form of the instruction that applies here, or null where upstream has none. */
    private ThumbInlineOp find(String name, List<ParseNode> args) {
        // the VFP instructions are looked for only where there is an FPU, and there only they
        boolean floatOp = fpu && name.startsWith("v");
        for (ThumbInlineOp op : ThumbInlineOp.forms(name, args.size())) {
            boolean available = switch (op.need()) {
                case ANY -> !floatOp;
                case ARMV7M -> !floatOp && as.allowsArmv7m();
                case FPU -> floatOp;
            };
            if (available && dispatches(op.dispatch(), args)) {
                return op;
            }
        }
        return null;
    }

    private static boolean dispatches(Dispatch dispatch, List<ParseNode> args) {
        return switch (dispatch) {
            case ANY -> true;
            case SECOND_NAME -> args.get(1) instanceof ParseNode.Id;
            case SECOND_NOT_NAME -> !(args.get(1) instanceof ParseNode.Id);
            case FIRST_R -> name(args.get(0)).startsWith("r");
            case FIRST_NOT_R -> !name(args.get(0)).startsWith("r");
        };
    }

    /** get_arg_str: an identifier's name, else the empty string. */
    private static String name(ParseNode node) {
        return node instanceof ParseNode.Id id ? id.name() : "";
    }

    private void unknown(String name, int argCount) {
        error("unsupported Thumb instruction '" + name + "' with " + argCount + " arguments");
    }

    /**
     * Reads one operand into {@code values} from {@code slot}; records any error. False when the
     * instruction ends here (nothing written).
     */
    private boolean operand(ThumbInlineOp op, Operand spec, ParseNode node, int[] values, int slot) {
        String opName = op.name();
        switch (spec.kind()) {
            case REG -> values[slot] = register(opName, node, spec.max());
            case LABEL -> values[slot] = label(opName, node);
            case CC -> {
                int cc = ThumbInlineOp.CONDITIONS.indexOf(name(node));
                if (cc < 0) {
                    unknown(opName, op.argCount());
                    return false;
                }
                values[slot] = cc;
            }
            case REGLIST -> values[slot] = registerList(opName, node);
            case IMM -> values[slot] = integer(opName, node, spec.max()) >>> spec.shift();
            case ADDR -> {
                ParseNode[] baseAndOffset = address(opName, node);
                if (baseAndOffset == null) {
                    if (spec.unknownIfBadAddress()) {
                        unknown(opName, op.argCount());
                    }
                    return false;
                }
                values[slot] = register(opName, baseAndOffset[0], spec.max());
                values[slot + 1] = integer(opName, baseAndOffset[1], spec.mask()) >>> spec.shift();
            }
            case REG_OR_IMM -> {
                if (node instanceof ParseNode.Id) {
                    values[slot] = 0;
                    values[slot + 1] = register(opName, node, spec.max());
                } else {
                    values[slot] = 1;
                    values[slot + 1] = integer(opName, node, spec.max());
                }
            }
            case SPECIAL -> {
                Integer reg = SPECIAL_REGISTERS.get(name(node));
                if (reg == null) {
                    error("'" + opName + "' expects a special register");
                }
                values[slot] = reg == null ? 0 : reg;
            }
            case VFP -> values[slot] = vfpRegister(opName, node);
            case APSR_OR_REG -> values[slot] = name(node).equals("APSR_nzcv") ? 15 : register(opName, node, 15);
            case FPSCR -> {
                if (!name(node).equals("FPSCR")) {
                    unknown(opName, op.argCount());
                    return false;
                }
            }
            case IGNORED -> {
                // upstream writes the instruction whatever the operand says
            }
        }
        return true;
    }

    /** get_arg_reg: a core register by name, at most {@code max}. */
    private int register(String op, ParseNode node, int max) {
        Integer reg = REGISTERS.get(name(node));
        if (reg == null) {
            error("'" + op + "' expects a register");
            return 0;
        }
        if (reg > max) {
            error("'" + op + "' expects at most r" + max);
            return 0;
        }
        return reg;
    }

    /** get_arg_vfpreg: s0..s31 (upstream's range error names r31). */
    private int vfpRegister(String op, ParseNode node) {
        String s = name(node);
        if (s.length() >= 2 && s.charAt(0) == 's' && s.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            long regno = 0;
            for (int i = 1; i < s.length() && regno <= 31; i++) {
                regno = 10 * regno + s.charAt(i) - '0';
            }
            if (regno > 31) {
                error("'" + op + "' expects at most r31");
                return 0;
            }
            return (int) regno;
        }
        error("'" + op + "' expects an FPU register");
        return 0;
    }

    /** get_arg_reglist: {@code {r0, r1, ...}}, a set display, as a bit mask. */
    private int registerList(String op, ParseNode node) {
        if (ParseNodes.isRule(node, Rule.atom_brace)) {
            ParseNode inner = ((RuleNode) node).arg(0);
            if (inner instanceof ParseNode.Id) {
                return 1 << register(op, inner, 15);
            }
            if (inner instanceof RuleNode maker && maker.rule() == Rule.dictorsetmaker
                    && maker.arg(1) instanceof RuleNode tail && tail.rule() == Rule.dictorsetmaker_list) {
                int regs = 1 << register(op, maker.arg(0), 15);
                for (ParseNode item : ParseNodes.extractList(tail.arg(0), Rule.dictorsetmaker_list2)) {
                    regs |= 1 << register(op, item, 15);
                }
                return regs;
            }
        }
        error("'" + op + "' expects {r0, r1, ...}");
        return 0;
    }

    /** get_arg_i: an integer, its low 32 bits within the mask. */
    private int integer(String op, ParseNode node, int mask) {
        Long value = ParseNodes.intValueMaybe(node);
        if (value == null) {
            error("'" + op + "' expects an integer");
            return 0;
        }
        int i = value.intValue();
        if ((i & ~mask) != 0) {
            error("'" + op + "' integer 0x" + Integer.toHexString(i) + " doesn't fit in mask 0x"
                    + Integer.toHexString(mask));
            return 0;
        }
        return i;
    }

    /** get_arg_addr: {@code [base, offset]}, or null after recording the error. */
    private ParseNode[] address(String op, ParseNode node) {
        if (ParseNodes.isRule(node, Rule.atom_bracket) && ((RuleNode) node).arg(0) instanceof RuleNode list
                && list.rule() == Rule.testlist_comp && list.size() == 2) {
            return new ParseNode[] {list.arg(0), list.arg(1)};
        }
        error("'" + op + "' expects an address of the form [a, b]");
        return null;
    }

    /** get_arg_label: the label's number; one not defined is label 0, and an error when emitting. */
    private int label(String op, ParseNode node) {
        if (!(node instanceof ParseNode.Id id)) {
            error("'" + op + "' expects a label");
            return 0;
        }
        int label = labelNumber(id.name());
        if (label >= 0) {
            return label;
        }
        if (emitting()) {
            error("label '" + id.name() + "' not defined");
        }
        return 0;
    }
}
