package freezer.core.emit.inline;

import freezer.core.emit.asm.Rv32Opcodes;
import java.util.Arrays;

/**
 * The instructions {@code @micropython.asm_rv32} accepts (py/emitinlinerv32.c's OPCODES table),
 * each with its operands: what kind each is, which values it takes (a register set or an
 * immediate range, as upstream's masks say) and how to write it.
 *
 * <p>Operands are given as the source writes them: {@code lw(a0, 8(a1))} has the register, the
 * offset and the base in that order ({@link Shape#OFFSET}). {@link Emit} receives them in that
 * order too, already checked; register operands of the compressed register window
 * ({@link Kind#REG_C}) arrive as 0..7.
 */
enum Rv32InlineOp {
    ADD("add", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.add(a, b, c)),
    ADDI("addi", Shape.PLAIN, reg(), reg(), imm(0xfff), (as, a, b, c) -> as.addi(a, b, c)),
    AND("and_", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.and(a, b, c)),
    ANDI("andi", Shape.PLAIN, reg(), reg(), imm(0xfff), (as, a, b, c) -> as.andi(a, b, c)),
    AUIPC("auipc", Shape.PLAIN, reg(), shifted(0xfffff000, 12), null, (as, a, b, c) -> as.auipc(a, b)),
    BEQ("beq", Shape.PLAIN, reg(), reg(), label(0x1ffe), (as, a, b, c) -> as.beq(a, b, c)),
    BGE("bge", Shape.PLAIN, reg(), reg(), label(0x1ffe), (as, a, b, c) -> as.bge(a, b, c)),
    BGEU("bgeu", Shape.PLAIN, reg(), reg(), label(0x1ffe), (as, a, b, c) -> as.bgeu(a, b, c)),
    BLT("blt", Shape.PLAIN, reg(), reg(), label(0x1ffe), (as, a, b, c) -> as.blt(a, b, c)),
    BLTU("bltu", Shape.PLAIN, reg(), reg(), label(0x1ffe), (as, a, b, c) -> as.bltu(a, b, c)),
    BNE("bne", Shape.PLAIN, reg(), reg(), label(0x1ffe), (as, a, b, c) -> as.bne(a, b, c)),
    CSRRC("csrrc", Shape.PLAIN, reg(), reg(), unsigned(0xfff), (as, a, b, c) -> as.csrrc(a, b, c)),
    CSRRS("csrrs", Shape.PLAIN, reg(), reg(), unsigned(0xfff), (as, a, b, c) -> as.csrrs(a, b, c)),
    CSRRW("csrrw", Shape.PLAIN, reg(), reg(), unsigned(0xfff), (as, a, b, c) -> as.csrrw(a, b, c)),
    CSRRCI("csrrci", Shape.PLAIN, reg(), unsigned(0xfff), unsigned(0x1f), (as, a, b, c) -> as.csrrci(a, b, c)),
    CSRRSI("csrrsi", Shape.PLAIN, reg(), unsigned(0xfff), unsigned(0x1f), (as, a, b, c) -> as.csrrsi(a, b, c)),
    CSRRWI("csrrwi", Shape.PLAIN, reg(), unsigned(0xfff), unsigned(0x1f), (as, a, b, c) -> as.csrrwi(a, b, c)),
    C_ADD("c_add", Shape.PLAIN, reg(Registers.NOT_X0), reg(Registers.NOT_X0), null, (as, a, b, c) -> as.cAdd(a, b)),
    C_ADDI("c_addi", Shape.PLAIN, reg(Registers.NOT_X0), nonZero(0x3f), null, (as, a, b, c) -> as.cAddi(a, b)),
    // upstream names the register plainly here, the encoding keeps its low three bits
    C_ADDI4SPN("c_addi4spn", Shape.PLAIN, reg(Registers.WINDOW), unsignedNonZero(0x3fc, 0), null,
            (as, a, b, c) -> as.cAddi4spn(a, b)),
    C_AND("c_and", Shape.PLAIN, regC(), regC(), null, (as, a, b, c) -> as.cAnd(a, b)),
    C_ANDI("c_andi", Shape.PLAIN, regC(), imm(0x3f), null, (as, a, b, c) -> as.cAndi(a, b)),
    C_BEQZ("c_beqz", Shape.PLAIN, regC(), label(0x1fe), null, (as, a, b, c) -> as.cBeqz(a, b)),
    C_BNEZ("c_bnez", Shape.PLAIN, regC(), label(0x1fe), null, (as, a, b, c) -> as.cBnez(a, b)),
    C_EBREAK("c_ebreak", Shape.PLAIN, null, null, null, (as, a, b, c) -> as.cEbreak()),
    C_J("c_j", Shape.PLAIN, label(0xffe), null, null, (as, a, b, c) -> as.cJ(a)),
    C_JAL("c_jal", Shape.PLAIN, label(0xffe), null, null, (as, a, b, c) -> as.cJal(a)),
    C_JALR("c_jalr", Shape.PLAIN, reg(Registers.NOT_X0), null, null, (as, a, b, c) -> as.cJalr(a)),
    C_JR("c_jr", Shape.PLAIN, reg(Registers.NOT_X0), null, null, (as, a, b, c) -> as.cJr(a)),
    C_LI("c_li", Shape.PLAIN, reg(Registers.NOT_X0), imm(0x3f), null, (as, a, b, c) -> as.cLi(a, b)),
    C_LUI("c_lui", Shape.PLAIN, reg(0xfffffffa), unsignedNonZero(0x1f800, 12), null, (as, a, b, c) -> as.cLui(a, b)),
    C_LW("c_lw", Shape.OFFSET, regC(), imm(0x7c), regC(), (as, a, b, c) -> as.cLw(a, c, b)),
    C_LWSP("c_lwsp", Shape.PLAIN, reg(Registers.NOT_X0), imm(0xfc), null, (as, a, b, c) -> as.cLwsp(a, b)),
    C_MV("c_mv", Shape.PLAIN, reg(Registers.NOT_X0), reg(Registers.NOT_X0), null, (as, a, b, c) -> as.cMv(a, b)),
    C_NOP("c_nop", Shape.PLAIN, null, null, null, (as, a, b, c) -> as.cNop()),
    C_OR("c_or", Shape.PLAIN, regC(), regC(), null, (as, a, b, c) -> as.cOr(a, b)),
    C_SLLI("c_slli", Shape.PLAIN, reg(Registers.NOT_X0), unsigned(0x1f), null, (as, a, b, c) -> as.cSlli(a, b)),
    C_SRAI("c_srai", Shape.PLAIN, regC(), unsigned(0x1f), null, (as, a, b, c) -> as.cSrai(a, b)),
    C_SRLI("c_srli", Shape.PLAIN, regC(), unsigned(0x1f), null, (as, a, b, c) -> as.cSrli(a, b)),
    C_SUB("c_sub", Shape.PLAIN, regC(), regC(), null, (as, a, b, c) -> as.cSub(a, b)),
    C_SW("c_sw", Shape.OFFSET, regC(), imm(0x7c), regC(), (as, a, b, c) -> as.cSw(a, c, b)),
    C_SWSP("c_swsp", Shape.PLAIN, reg(), imm(0xfc), null, (as, a, b, c) -> as.cSwsp(a, b)),
    C_XOR("c_xor", Shape.PLAIN, regC(), regC(), null, (as, a, b, c) -> as.cXor(a, b)),
    DIV("div", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.div(a, b, c)),
    DIVU("divu", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.divu(a, b, c)),
    EBREAK("ebreak", Shape.PLAIN, null, null, null, (as, a, b, c) -> as.ebreak()),
    ECALL("ecall", Shape.PLAIN, null, null, null, (as, a, b, c) -> as.ecall()),
    JAL("jal", Shape.PLAIN, reg(), label(0x1ffffe), null, (as, a, b, c) -> as.jal(a, b)),
    JALR("jalr", Shape.PLAIN, reg(), reg(), imm(0xfff), (as, a, b, c) -> as.jalr(a, b, c)),
    /** auipc and addi, never shortened: a label's address must not move between passes. */
    LA("la", Shape.PLAIN, reg(), label(0xffffffff), null, (as, a, b, c) -> {
        as.auipc(a, Rv32Opcodes.upperPart(b));
        as.addi(a, a, Rv32Opcodes.lowerPart(b));
    }),
    LB("lb", Shape.OFFSET, reg(), imm(0xfff), reg(), (as, a, b, c) -> as.lb(a, c, b)),
    LBU("lbu", Shape.OFFSET, reg(), imm(0xfff), reg(), (as, a, b, c) -> as.lbu(a, c, b)),
    LH("lh", Shape.OFFSET, reg(), imm(0xfff), reg(), (as, a, b, c) -> as.lh(a, c, b)),
    LHU("lhu", Shape.OFFSET, reg(), imm(0xfff), reg(), (as, a, b, c) -> as.lhu(a, c, b)),
    LI("li", Shape.PLAIN, reg(), imm(0xffffffff), null, (as, a, b, c) -> as.loadImmediate(a, b)),
    LUI("lui", Shape.PLAIN, reg(), shifted(0xfffff000, 12), null, (as, a, b, c) -> as.lui(a, b)),
    LW("lw", Shape.OFFSET, reg(), imm(0xfff), reg(), (as, a, b, c) -> as.lw(a, c, b)),
    /** c.mv under its plain name, so {@code mv(a0, zero)} is accepted (and encodes c.jr a0). */
    MV("mv", Shape.PLAIN, reg(), reg(), null, (as, a, b, c) -> as.cMv(a, b)),
    MUL("mul", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.mul(a, b, c)),
    MULH("mulh", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.mulh(a, b, c)),
    MULHSU("mulhsu", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.mulhsu(a, b, c)),
    MULHU("mulhu", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.mulhu(a, b, c)),
    OR("or_", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.or(a, b, c)),
    ORI("ori", Shape.PLAIN, reg(), reg(), imm(0xfff), (as, a, b, c) -> as.ori(a, b, c)),
    REM("rem", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.rem(a, b, c)),
    REMU("remu", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.remu(a, b, c)),
    SB("sb", Shape.OFFSET, reg(), imm(0xfff), reg(), (as, a, b, c) -> as.sb(a, c, b)),
    SH("sh", Shape.OFFSET, reg(), imm(0xfff), reg(), (as, a, b, c) -> as.sh(a, c, b)),
    SH1ADD("sh1add", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.sh1add(a, b, c)),
    SH2ADD("sh2add", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.sh2add(a, b, c)),
    SH3ADD("sh3add", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.sh3add(a, b, c)),
    SLL("sll", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.sll(a, b, c)),
    SLLI("slli", Shape.PLAIN, reg(), reg(), unsigned(0x1f), (as, a, b, c) -> as.slli(a, b, c)),
    SLT("slt", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.slt(a, b, c)),
    SLTI("slti", Shape.PLAIN, reg(), reg(), imm(0xfff), (as, a, b, c) -> as.slti(a, b, c)),
    SLTIU("sltiu", Shape.PLAIN, reg(), reg(), imm(0xfff), (as, a, b, c) -> as.sltiu(a, b, c)),
    SLTU("sltu", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.sltu(a, b, c)),
    SRA("sra", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.sra(a, b, c)),
    SRAI("srai", Shape.PLAIN, reg(), reg(), unsigned(0x1f), (as, a, b, c) -> as.srai(a, b, c)),
    SRL("srl", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.srl(a, b, c)),
    SRLI("srli", Shape.PLAIN, reg(), reg(), unsigned(0x1f), (as, a, b, c) -> as.srli(a, b, c)),
    SUB("sub", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.sub(a, b, c)),
    SW("sw", Shape.OFFSET, reg(), imm(0xfff), reg(), (as, a, b, c) -> as.sw(a, c, b)),
    XOR("xor", Shape.PLAIN, reg(), reg(), reg(), (as, a, b, c) -> as.xor(a, b, c)),
    XORI("xori", Shape.PLAIN, reg(), reg(), imm(0xfff), (as, a, b, c) -> as.xori(a, b, c));

    /** How the operands are written. */
    enum Shape {
        /** One source argument per operand. */
        PLAIN,
        /** {@code op(reg, offset(base))}: two source arguments for three operands. */
        OFFSET
    }

    /** What an operand is. */
    enum Kind {
        /** A register name; the mask has a bit per register allowed. */
        REG,
        /** As REG, written as its number in the compressed window (x8..x15 as 0..7). */
        REG_C,
        /** An integer; the mask is the range, read as signed unless {@link Operand#unsigned}. */
        IMM,
        /** A label of the function; the mask is the range of the offset to it. */
        LABEL
    }

    /**
     * One operand: its kind, the mask of values it allows, and for integers whether the range
     * is unsigned, whether zero is refused and how far the value is shifted left before the
     * check (lui's 20 bits are written unshifted).
     */
    record Operand(Kind kind, int mask, boolean unsigned, boolean nonZero, int shift) {
    }

    /** Writes the instruction from its checked operands (0 for those it does not have). */
    @FunctionalInterface
    interface Emit {
        void emit(Rv32Opcodes as, int a, int b, int c);
    }

    /** Register sets (an enum's constants cannot name its own static fields). */
    private static final class Registers {
        static final int ALL = 0xffffffff;
        /** Every register but x0. */
        static final int NOT_X0 = 0xfffffffe;
        /** x8..x15, the compressed instructions' window. */
        static final int WINDOW = 0x0000ff00;
    }

    private final String mnemonic;
    private final Shape shape;
    private final Operand[] operands;
    private final Emit emit;

    Rv32InlineOp(String mnemonic, Shape shape, Operand a, Operand b, Operand c, Emit emit) {
        this.mnemonic = mnemonic;
        this.shape = shape;
        int n = a == null ? 0 : b == null ? 1 : c == null ? 2 : 3;
        this.operands = Arrays.copyOf(new Operand[] {a, b, c}, n);
        this.emit = emit;
    }

    private static Operand reg() {
        return reg(Registers.ALL);
    }

    private static Operand reg(int mask) {
        return new Operand(Kind.REG, mask, false, false, 0);
    }

    private static Operand regC() {
        return new Operand(Kind.REG_C, Registers.WINDOW, false, false, 0);
    }

    private static Operand imm(int mask) {
        return new Operand(Kind.IMM, mask, false, false, 0);
    }

    private static Operand shifted(int mask, int shift) {
        return new Operand(Kind.IMM, mask, false, false, shift);
    }

    private static Operand nonZero(int mask) {
        return new Operand(Kind.IMM, mask, false, true, 0);
    }

    private static Operand unsigned(int mask) {
        return new Operand(Kind.IMM, mask, true, false, 0);
    }

    private static Operand unsignedNonZero(int mask, int shift) {
        return new Operand(Kind.IMM, mask, true, true, shift);
    }

    private static Operand label(int mask) {
        return new Operand(Kind.LABEL, mask, false, false, 0);
    }

    /** The instruction of this name, or null. */
    static Rv32InlineOp of(String mnemonic) {
        for (Rv32InlineOp op : values()) {
            if (op.mnemonic.equals(mnemonic)) {
                return op;
            }
        }
        return null;
    }

    String mnemonic() {
        return mnemonic;
    }

    Shape shape() {
        return shape;
    }

    /** How many source arguments the instruction takes (upstream's parse_nodes). */
    int argumentCount() {
        return shape == Shape.OFFSET ? 2 : operands.length;
    }

    Operand operand(int index) {
        return operands[index];
    }

    int operandCount() {
        return operands.length;
    }

    /** Whether the instruction needs Zba (sh1add, sh2add, sh3add). */
    boolean needsZba() {
        return this == SH1ADD || this == SH2ADD || this == SH3ADD;
    }

    void emit(Rv32Opcodes as, int a, int b, int c) {
        emit.emit(as, a, b, c);
    }
}
