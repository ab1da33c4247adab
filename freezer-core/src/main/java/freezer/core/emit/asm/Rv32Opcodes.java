package freezer.core.emit.asm;

/**
 * The RV32IMC instructions (with Zba's shNadd and Zcmp's cm.push/cm.popret) one by one, as
 * py/asmrv32.h's asm_rv32_opcode_* functions write them, and the immediate loads of
 * py/asmrv32.c that both the native emitter and {@code li} in inline assembler use. Operands
 * are register numbers (compressed forms that take x8..x15 get 0..7) and immediates, which
 * the formats cut to their width ({@link Rv32Encoding}).
 */
public abstract class Rv32Opcodes extends NativeAssembler {
    public static final int ZERO = 0;
    public static final int RA = 1;
    public static final int SP = 2;
    public static final int T0 = 5;
    public static final int T1 = 6;
    public static final int T2 = 7;
    public static final int S0 = 8;
    public static final int S1 = 9;
    public static final int A0 = 10;
    public static final int A1 = 11;
    public static final int A2 = 12;
    public static final int A3 = 13;
    public static final int S2 = 18;
    public static final int S3 = 19;
    public static final int S4 = 20;
    public static final int T3 = 28;

    /** The registers that compressed instructions with three-bit register fields reach. */
    public static boolean inCompressedWindow(int reg) {
        return reg >= S0 && reg <= S0 + 7;
    }

    /** A register's number in a three-bit field. */
    public static int compressed(int reg) {
        return reg - S0;
    }

    protected Rv32Opcodes(int maxLabels) {
        super(maxLabels);
    }

    /** asm_rv32_emit_word_opcode. */
    protected final void word(int opcode) {
        emit32(opcode);
    }

    /** asm_rv32_emit_halfword_opcode. */
    protected final void half(int opcode) {
        emit16(opcode);
    }

    // The base integer set (RV32I) and the M extension.

    public void add(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 0, 0x00, rd, rs1, rs2));
    }

    public void addi(int rd, int rs, int imm) {
        word(Rv32Encoding.i(0x13, 0, rd, rs, imm));
    }

    public void and(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 7, 0x00, rd, rs1, rs2));
    }

    public void andi(int rd, int rs, int imm) {
        word(Rv32Encoding.i(0x13, 7, rd, rs, imm));
    }

    public void auipc(int rd, int imm) {
        word(Rv32Encoding.u(0x17, rd, imm));
    }

    public void beq(int rs1, int rs2, int offset) {
        word(Rv32Encoding.b(0x63, 0, rs1, rs2, offset));
    }

    public void bne(int rs1, int rs2, int offset) {
        word(Rv32Encoding.b(0x63, 1, rs1, rs2, offset));
    }

    public void blt(int rs1, int rs2, int offset) {
        word(Rv32Encoding.b(0x63, 4, rs1, rs2, offset));
    }

    public void bge(int rs1, int rs2, int offset) {
        word(Rv32Encoding.b(0x63, 5, rs1, rs2, offset));
    }

    public void bltu(int rs1, int rs2, int offset) {
        word(Rv32Encoding.b(0x63, 6, rs1, rs2, offset));
    }

    public void bgeu(int rs1, int rs2, int offset) {
        word(Rv32Encoding.b(0x63, 7, rs1, rs2, offset));
    }

    public void csrrw(int rd, int rs, int csr) {
        word(Rv32Encoding.i(0x73, 1, rd, rs, csr));
    }

    public void csrrs(int rd, int rs, int csr) {
        word(Rv32Encoding.i(0x73, 2, rd, rs, csr));
    }

    public void csrrc(int rd, int rs, int csr) {
        word(Rv32Encoding.i(0x73, 3, rd, rs, csr));
    }

    public void csrrwi(int rd, int csr, int imm) {
        word(Rv32Encoding.csri(0x73, 5, rd, csr, imm));
    }

    public void csrrsi(int rd, int csr, int imm) {
        word(Rv32Encoding.csri(0x73, 6, rd, csr, imm));
    }

    public void csrrci(int rd, int csr, int imm) {
        word(Rv32Encoding.csri(0x73, 7, rd, csr, imm));
    }

    public void div(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 4, 0x01, rd, rs1, rs2));
    }

    public void divu(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 5, 0x01, rd, rs1, rs2));
    }

    public void ebreak() {
        word(0x100073);
    }

    public void ecall() {
        word(0x73);
    }

    public void jal(int rd, int offset) {
        word(Rv32Encoding.j(0x6f, rd, offset));
    }

    public void jalr(int rd, int rs, int offset) {
        word(Rv32Encoding.i(0x67, 0, rd, rs, offset));
    }

    public void lb(int rd, int rs, int offset) {
        word(Rv32Encoding.i(0x03, 0, rd, rs, offset));
    }

    public void lh(int rd, int rs, int offset) {
        word(Rv32Encoding.i(0x03, 1, rd, rs, offset));
    }

    public void lw(int rd, int rs, int offset) {
        word(Rv32Encoding.i(0x03, 2, rd, rs, offset));
    }

    public void lbu(int rd, int rs, int offset) {
        word(Rv32Encoding.i(0x03, 4, rd, rs, offset));
    }

    public void lhu(int rd, int rs, int offset) {
        word(Rv32Encoding.i(0x03, 5, rd, rs, offset));
    }

    public void lui(int rd, int imm) {
        word(Rv32Encoding.u(0x37, rd, imm));
    }

    public void mul(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 0, 0x01, rd, rs1, rs2));
    }

    public void mulh(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 1, 0x01, rd, rs1, rs2));
    }

    public void mulhsu(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 2, 0x01, rd, rs1, rs2));
    }

    public void mulhu(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 3, 0x01, rd, rs1, rs2));
    }

    public void or(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 6, 0x00, rd, rs1, rs2));
    }

    public void ori(int rd, int rs, int imm) {
        word(Rv32Encoding.i(0x13, 6, rd, rs, imm));
    }

    public void rem(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 6, 0x01, rd, rs1, rs2));
    }

    public void remu(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 7, 0x01, rd, rs1, rs2));
    }

    /** sb: the low byte of {@code rs2} to {@code offset(rs1)}. */
    public void sb(int rs2, int rs1, int offset) {
        word(Rv32Encoding.s(0x23, 0, rs1, rs2, offset));
    }

    public void sh(int rs2, int rs1, int offset) {
        word(Rv32Encoding.s(0x23, 1, rs1, rs2, offset));
    }

    public void sw(int rs2, int rs1, int offset) {
        word(Rv32Encoding.s(0x23, 2, rs1, rs2, offset));
    }

    public void sll(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 1, 0x00, rd, rs1, rs2));
    }

    public void slli(int rd, int rs, int imm) {
        word(Rv32Encoding.i(0x13, 1, rd, rs, imm & 0x1f));
    }

    public void slt(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 2, 0x00, rd, rs1, rs2));
    }

    public void slti(int rd, int rs, int imm) {
        word(Rv32Encoding.i(0x13, 2, rd, rs, imm));
    }

    public void sltiu(int rd, int rs, int imm) {
        word(Rv32Encoding.i(0x13, 3, rd, rs, imm));
    }

    public void sltu(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 3, 0x00, rd, rs1, rs2));
    }

    public void sra(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 5, 0x20, rd, rs1, rs2));
    }

    public void srai(int rd, int rs, int imm) {
        word(Rv32Encoding.i(0x13, 5, rd, rs, imm & 0x1f | 0x400));
    }

    public void srl(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 5, 0x00, rd, rs1, rs2));
    }

    public void srli(int rd, int rs, int imm) {
        word(Rv32Encoding.i(0x13, 5, rd, rs, imm & 0x1f));
    }

    public void sub(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 0, 0x20, rd, rs1, rs2));
    }

    public void xor(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 4, 0x00, rd, rs1, rs2));
    }

    public void xori(int rd, int rs, int imm) {
        word(Rv32Encoding.i(0x13, 4, rd, rs, imm));
    }

    // Zba.

    public void sh1add(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 2, 0x10, rd, rs1, rs2));
    }

    public void sh2add(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 4, 0x10, rd, rs1, rs2));
    }

    public void sh3add(int rd, int rs1, int rs2) {
        word(Rv32Encoding.r(0x33, 6, 0x10, rd, rs1, rs2));
    }

    // The C extension: registers written rd' or rs' are three-bit fields (see compressed()).

    public void cAdd(int rd, int rs) {
        half(Rv32Encoding.cr(0x02, 0x09, rd, rs));
    }

    public void cAddi(int rd, int imm) {
        half(Rv32Encoding.ci(0x01, 0, rd, imm));
    }

    public void cAddi4spn(int rdc, int imm) {
        half(Rv32Encoding.ciw(0x00, 0, rdc, imm));
    }

    public void cAnd(int rdc, int rsc) {
        half(Rv32Encoding.ca(0x01, 0x23, 3, rdc, rsc));
    }

    public void cAndi(int rdc, int imm) {
        half(Rv32Encoding.cb(0x01, 4, rdc, (imm & 0x20) << 2 | imm & 0x1f | 0x40));
    }

    public void cBeqz(int rsc, int offset) {
        half(Rv32Encoding.cb(0x01, 6, rsc, Rv32Encoding.cbBranchOffset(offset)));
    }

    public void cBnez(int rsc, int offset) {
        half(Rv32Encoding.cb(0x01, 7, rsc, Rv32Encoding.cbBranchOffset(offset)));
    }

    public void cEbreak() {
        half(0x9002);
    }

    public void cJ(int offset) {
        half(Rv32Encoding.cj(0x01, 5, offset));
    }

    public void cJal(int offset) {
        half(Rv32Encoding.cj(0x01, 1, offset));
    }

    public void cJalr(int rs) {
        half(Rv32Encoding.cr(0x02, 0x09, rs, 0));
    }

    public void cJr(int rs) {
        half(Rv32Encoding.cr(0x02, 0x08, rs, 0));
    }

    public void cLi(int rd, int imm) {
        half(Rv32Encoding.ci(0x01, 2, rd, imm));
    }

    /** c.lui: {@code imm} is the value to load, its bits 17..12 encoded. */
    public void cLui(int rd, int imm) {
        half(Rv32Encoding.ci(0x01, 3, rd, imm >> 12));
    }

    public void cLw(int rdc, int rsc, int offset) {
        half(Rv32Encoding.cl(0x00, 2, rdc, rsc, offset));
    }

    public void cLwsp(int rd, int offset) {
        half(Rv32Encoding.ci(0x02, 2, rd, Rv32Encoding.spOffset(offset)));
    }

    public void cMv(int rd, int rs) {
        half(Rv32Encoding.cr(0x02, 0x08, rd, rs));
    }

    public void cNop() {
        half(0x0001);
    }

    public void cOr(int rdc, int rsc) {
        half(Rv32Encoding.ca(0x01, 0x23, 2, rdc, rsc));
    }

    public void cSlli(int rd, int imm) {
        half(Rv32Encoding.ci(0x02, 0, rd, imm));
    }

    public void cSrai(int rdc, int imm) {
        half(Rv32Encoding.cb(0x01, 4, rdc, (imm & 0x20) << 2 | imm & 0x1f | 0x20));
    }

    public void cSrli(int rdc, int imm) {
        half(Rv32Encoding.cb(0x01, 4, rdc, (imm & 0x20) << 2 | imm & 0x1f));
    }

    public void cSub(int rdc, int rsc) {
        half(Rv32Encoding.ca(0x01, 0x23, 0, rdc, rsc));
    }

    /** c.sw: {@code rs2c} (the value) to {@code offset(rs1c)}. */
    public void cSw(int rs2c, int rs1c, int offset) {
        half(Rv32Encoding.cl(0x00, 6, rs2c, rs1c, offset));
    }

    public void cSwsp(int rs, int offset) {
        half(Rv32Encoding.css(0x02, 6, rs, Rv32Encoding.spOffset(offset)));
    }

    public void cXor(int rdc, int rsc) {
        half(Rv32Encoding.ca(0x01, 0x23, 1, rdc, rsc));
    }

    // Zcmp.

    public void cmPush(int rlist, int spimm) {
        half(Rv32Encoding.cmpp(0x02, 0x2e, 0, rlist, spimm));
    }

    public void cmPopret(int rlist, int spimm) {
        half(Rv32Encoding.cmpp(0x02, 0x2f, 2, rlist, spimm));
    }

    // Immediates (asmrv32.c).

    /** FIT_SIGNED: whether the low 32 bits of {@code value} are a {@code bits}-bit signed number. */
    protected static boolean fitsSigned(int value, int bits) {
        int high = ~((1 << (bits - 1)) - 1);
        return (value & high) == 0 || (value & high) == high;
    }

    /** FIT_UNSIGNED: whether the low 32 bits of {@code value} are a {@code bits}-bit unsigned number. */
    protected static boolean fitsUnsigned(int value, int bits) {
        return (value & ~((1 << bits) - 1)) == 0;
    }

    /** split_immediate's upper part: what lui or auipc loads so that adding the signed lower 12 bits gives {@code imm}. */
    public static int upperPart(int imm) {
        return (imm & 0xfffff000) + ((imm & 0x800) != 0 ? 0x1000 : 0);
    }

    /** split_immediate's lower part, as an unsigned 12-bit field. */
    public static int lowerPart(int imm) {
        return imm & 0xfff;
    }

    /** load_upper_immediate: c.lui where the value fits it, else lui. */
    protected final void loadUpperImmediate(int rd, int upper) {
        if (fitsSigned(upper, 17) && upper >>> 12 != 0) {
            cLui(rd, upper);
        } else {
            lui(rd, upper);
        }
    }

    /** load_lower_immediate: adds the lower part to a register lui or auipc has just set. */
    protected final void loadLowerImmediate(int rd, int lower) {
        if (lower == 0) {
            return;
        }
        if (fitsSigned(lower, 6)) {
            cAddi(rd, lower);
        } else {
            addi(rd, rd, lower);
        }
    }

    /** load_full_immediate: lui (or c.lui), then the lower part. */
    protected final void loadFullImmediate(int rd, int imm) {
        loadUpperImmediate(rd, upperPart(imm));
        loadLowerImmediate(rd, lowerPart(imm));
    }

    /**
     * asm_rv32_emit_optimised_load_immediate: the shortest of c.li, addi and lui plus addi.
     * Only the low 32 bits of the value count (upstream's checks mask them so on any host).
     */
    public final void loadImmediate(int rd, int imm) {
        if (fitsSigned(imm, 6)) {
            cLi(rd, imm);
        } else if (fitsSigned(imm, 12)) {
            addi(rd, ZERO, imm);
        } else {
            loadFullImmediate(rd, imm);
        }
    }
}
