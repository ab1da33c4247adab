package freezer.core.emit.inline;

import static freezer.core.emit.inline.XtensaInlineOp.Operand.R0;
import static freezer.core.emit.inline.XtensaInlineOp.Operand.R1;
import static freezer.core.emit.inline.XtensaInlineOp.Operand.R2;

/**
 * The regular instructions {@code @micropython.asm_xtensa} accepts (py/emitinlinextensa.c's
 * OPCODE_TABLE, without the uncommon opcodes mpy-cross is built without): each one's operand
 * count, the fixed fields of its encoding, and for each of the r, s and t fields either a fixed
 * value or the operand (a register) that fills it. RRI8 instructions take an immediate as their
 * third operand, scaled down by {@code 1 << (shift >> 1)} (0..255 times the access size), or
 * -128..127 when {@code shift} is 0.
 *
 * <p>The branches, shifts by an immediate, {@code movi}, {@code l32r}, {@code call0} and the
 * other irregular forms are written out in {@link XtensaInlineAssembler}.
 */
enum XtensaInlineOp {
    ABS("abs_", 2, 6, 0, 0, R0, 1, R1, 0, Kind.RRR),
    ADD("add", 3, 8, 0, 0, R0, R1, R2, 0, Kind.RRR),
    ADD_N("add_n", 3, 0, 0, 10, R0, R1, R2, 0, Kind.RRRN),
    ADDI("addi", 3, 0, 0, 2, 12, R1, R0, 0, Kind.RRI8),
    ADDX2("addx2", 3, 9, 0, 0, R0, R1, R2, 0, Kind.RRR),
    ADDX4("addx4", 3, 10, 0, 0, R0, R1, R2, 0, Kind.RRR),
    ADDX8("addx8", 3, 11, 0, 0, R0, R1, R2, 0, Kind.RRR),
    AND("and_", 3, 1, 0, 0, R0, R1, R2, 0, Kind.RRR),
    CALLX0("callx0", 1, 0, 0, 0, 0, R0, 12, 0, Kind.RRR),
    JX("jx", 1, 0, 0, 0, 0, R0, 10, 0, Kind.RRR),
    L16SI("l16si", 3, 0, 0, 2, 9, R1, R0, 3, Kind.RRI8),
    L16UI("l16ui", 3, 0, 0, 2, 1, R1, R0, 3, Kind.RRI8),
    L32I("l32i", 3, 0, 0, 2, 2, R1, R0, 5, Kind.RRI8),
    L8UI("l8ui", 3, 0, 0, 2, 0, R1, R0, 1, Kind.RRI8),
    MOV("mov", 2, 0, 0, 13, 0, R1, R0, 0, Kind.RRRN),
    MOV_N("mov_n", 2, 0, 0, 13, 0, R1, R0, 0, Kind.RRRN),
    MULL("mull", 3, 8, 2, 0, R0, R1, R2, 0, Kind.RRR),
    NEG("neg", 2, 6, 0, 0, R0, 0, R1, 0, Kind.RRR),
    NOP("nop", 0, 0, 0, 0, 2, 0, 15, 0, Kind.RRR),
    NOP_N("nop_n", 0, 0, 0, 13, 15, 0, 3, 0, Kind.RRRN),
    NSA("nsa", 2, 4, 0, 0, 14, R1, R0, 0, Kind.RRR),
    NSAU("nsau", 2, 4, 0, 0, 15, R1, R0, 0, Kind.RRR),
    OR("or_", 3, 2, 0, 0, R0, R1, R2, 0, Kind.RRR),
    RET("ret", 0, 0, 0, 13, 15, 0, 0, 0, Kind.RRRN),
    RET_N("ret_n", 0, 0, 0, 13, 15, 0, 0, 0, Kind.RRRN),
    S16I("s16i", 3, 0, 0, 2, 5, R1, R0, 3, Kind.RRI8),
    S32I("s32i", 3, 0, 0, 2, 6, R1, R0, 5, Kind.RRI8),
    S8I("s8i", 3, 0, 0, 2, 4, R1, R0, 1, Kind.RRI8),
    SLL("sll", 2, 10, 1, 0, R0, R1, 0, 0, Kind.RRR),
    SRA("sra", 2, 11, 1, 0, R0, 0, R1, 0, Kind.RRR),
    SRC("src", 3, 8, 1, 0, R0, R1, R2, 0, Kind.RRR),
    SRL("srl", 2, 9, 1, 0, R0, 0, R1, 0, Kind.RRR),
    SSA8B("ssa8b", 1, 4, 0, 0, 3, R0, 0, 0, Kind.RRR),
    SSA8L("ssa8l", 1, 4, 0, 0, 2, R0, 0, 0, Kind.RRR),
    SSL("ssl", 1, 4, 0, 0, 1, R0, 0, 0, Kind.RRR),
    SSR("ssr", 1, 4, 0, 0, 0, R0, 0, 0, Kind.RRR),
    SUB("sub", 3, 12, 0, 0, R0, R1, R2, 0, Kind.RRR),
    SUBX2("subx2", 3, 13, 0, 0, R0, R1, R2, 0, Kind.RRR),
    SUBX4("subx4", 3, 14, 0, 0, R0, R1, R2, 0, Kind.RRR),
    SUBX8("subx8", 3, 15, 0, 0, R0, R1, R2, 0, Kind.RRR),
    XOR("xor", 3, 3, 0, 0, R0, R1, R2, 0, Kind.RRR);

    /** The instruction formats of the table: 24-bit RRR and RRI8, 16-bit RRRN. */
    enum Kind {
        RRR, RRI8, RRRN
    }

    /** A field value of 16 or more names an operand: 16 the first, 32 the second, 48 the third. */
    private static final int OPERAND = 16;

    private final String mnemonic;
    private final int operands;
    private final int op2;
    private final int op1;
    private final int op0;
    private final int r;
    private final int s;
    private final int t;
    private final int shift;
    private final Kind kind;

    XtensaInlineOp(String mnemonic, int operands, int op2, int op1, int op0, int r, int s, int t, int shift,
            Kind kind) {
        this.mnemonic = mnemonic;
        this.operands = operands;
        this.op2 = op2;
        this.op1 = op1;
        this.op0 = op0;
        this.r = r;
        this.s = s;
        this.t = t;
        this.shift = shift;
        this.kind = kind;
    }

    /** The table entry of a mnemonic, or null. */
    static XtensaInlineOp of(String name) {
        for (XtensaInlineOp op : values()) {
            if (op.mnemonic.equals(name)) {
                return op;
            }
        }
        return null;
    }

    int operands() {
        return operands;
    }

    Kind kind() {
        return kind;
    }

    /** The encoding with the fixed fields set and the operand fields 0. */
    int baseOpcode() {
        int opcode = fixed(r) << 12 | fixed(s) << 8 | fixed(t) << 4 | op0;
        if (kind == Kind.RRR) {
            opcode |= op2 << 20 | op1 << 16;
        }
        return opcode;
    }

    private static int fixed(int field) {
        return field & 0xf;
    }

    /** The operand index that fills field r, s or t (by its shift: 12, 8, 4), or -1 when it is fixed. */
    int operandOf(int fieldShift) {
        int field = switch (fieldShift) {
            case 12 -> r;
            case 8 -> s;
            default -> t;
        };
        return field >= OPERAND ? (field >> 4) - 1 : -1;
    }

    /** How far an RRI8 immediate is shifted down: log2 of the access size. */
    int immediateShift() {
        return shift >> 1;
    }

    /** Whether the RRI8 immediate is the signed byte of addi rather than a scaled unsigned offset. */
    boolean signedImmediate() {
        return shift == 0;
    }

    /** Field values naming operands (upstream's RRR_R0..RRR_R2). */
    static final class Operand {
        static final int R0 = 1 << 4;
        static final int R1 = 2 << 4;
        static final int R2 = 3 << 4;

        private Operand() {
        }
    }
}
