package freezer.core.emit.asm;

/**
 * The Xtensa instructions one by one, as py/asmxtensa.h's asm_xtensa_op_* functions write
 * them: 24-bit instructions in their RRR, RRI8, RI16, CALL and BRI12 formats, and the 16-bit
 * "narrow" forms of the code density option (RRRN, RI7). Both the native emitter and
 * {@code @micropython.asm_xtensa} write through these.
 */
public abstract class XtensaOpcodes extends NativeAssembler {
    public static final int A0 = 0;
    public static final int A1 = 1;
    public static final int A2 = 2;
    public static final int A3 = 3;
    public static final int A4 = 4;
    public static final int A5 = 5;
    public static final int A6 = 6;
    public static final int A7 = 7;
    public static final int A8 = 8;
    public static final int A9 = 9;
    public static final int A10 = 10;
    public static final int A11 = 11;
    public static final int A12 = 12;
    public static final int A13 = 13;
    public static final int A14 = 14;
    public static final int A15 = 15;

    /** Conditions of bccz and bcci (ASM_XTENSA_CCZ_*). */
    public static final int CCZ_EQ = 0;
    public static final int CCZ_NE = 1;
    public static final int CCZ_LT = 2;
    public static final int CCZ_GE = 3;

    /** Conditions of bcc (ASM_XTENSA_CC_*); bit 3 negates. */
    public static final int CC_NONE = 0;
    public static final int CC_EQ = 1;
    public static final int CC_LT = 2;
    public static final int CC_LTU = 3;
    public static final int CC_ALL = 4;
    public static final int CC_BC = 5;
    public static final int CC_ANY = 8;
    public static final int CC_NE = 9;
    public static final int CC_GE = 10;
    public static final int CC_GEU = 11;
    public static final int CC_NALL = 12;
    public static final int CC_BS = 13;

    protected XtensaOpcodes(int maxLabels) {
        super(maxLabels);
    }

    // Formats (little-endian field layouts).

    public static int rrr(int op0, int op1, int op2, int r, int s, int t) {
        return op2 << 20 | op1 << 16 | r << 12 | s << 8 | t << 4 | op0;
    }

    public static int rri8(int op0, int r, int s, int t, int imm8) {
        return imm8 << 16 | r << 12 | s << 8 | t << 4 | op0;
    }

    public static int ri16(int op0, int t, int imm16) {
        return imm16 << 8 | t << 4 | op0;
    }

    public static int rsr(int op0, int op1, int op2, int rs, int t) {
        return op2 << 20 | op1 << 16 | rs << 8 | t << 4 | op0;
    }

    public static int call(int op0, int n, int offset) {
        return offset << 6 | n << 4 | op0;
    }

    public static int callx(int op0, int op1, int op2, int r, int s, int m, int n) {
        return op2 << 20 | op1 << 16 | r << 12 | s << 8 | m << 6 | n << 4 | op0;
    }

    public static int bri8(int op0, int r, int s, int m, int n, int imm8) {
        return imm8 << 16 | r << 12 | s << 8 | m << 6 | n << 4 | op0;
    }

    public static int bri12(int op0, int s, int m, int n, int imm12) {
        return imm12 << 12 | s << 8 | m << 6 | n << 4 | op0;
    }

    public static int rrrn(int op0, int r, int s, int t) {
        return r << 12 | s << 8 | t << 4 | op0;
    }

    public static int ri7(int op0, int s, int imm7) {
        return (imm7 & 0xf) << 12 | s << 8 | imm7 & 0x70 | op0;
    }

    /** asmxtensa.c SIGNED_FIT<n>: whether a 32-bit value is a sign-extended n-bit value. */
    public static boolean fitsSigned(int value, int bits) {
        int high = -1 << (bits - 1);
        return (value & high) == 0 || (value & high) == high;
    }

    // Writing.

    /** asm_xtensa_op16: a narrow instruction. */
    public final void op16(int op) {
        emit16(op & 0xffff);
    }

    /** asm_xtensa_op24: a 24-bit instruction, three bytes least significant first. */
    public final void op24(int op) {
        emit8(op);
        emit8(op >> 8);
        emit8(op >> 16);
    }

    // The instructions.

    public final void entryOp(int regSrc, int numBytes) {
        op24(bri12(6, regSrc, 0, 3, (numBytes / 8) & 0xfff));
    }

    public final void addN(int dest, int a, int b) {
        op16(rrrn(10, dest, a, b));
    }

    public final void addi(int dest, int src, int imm8) {
        op24(rri8(2, 12, src, dest, imm8 & 0xff));
    }

    public final void addx2(int dest, int a, int b) {
        op24(rrr(0, 0, 9, dest, a, b));
    }

    public final void addx4(int dest, int a, int b) {
        op24(rrr(0, 0, 10, dest, a, b));
    }

    public final void and(int dest, int a, int b) {
        op24(rrr(0, 0, 1, dest, a, b));
    }

    public final void bcc(int cond, int src1, int src2, int rel8) {
        op24(rri8(7, cond, src1, src2, rel8 & 0xff));
    }

    public final void bccz(int cond, int src, int rel12) {
        op24(bri12(6, src, cond, 1, rel12 & 0xfff));
    }

    public final void call0Op(int rel18) {
        op24(call(5, 0, rel18 & 0x3ffff));
    }

    public final void callx0(int reg) {
        op24(callx(0, 0, 0, 0, reg, 3, 0));
    }

    public final void callx8(int reg) {
        op24(callx(0, 0, 0, 0, reg, 3, 2));
    }

    public final void j(int rel18) {
        op24(call(6, 0, rel18 & 0x3ffff));
    }

    public final void jx(int reg) {
        op24(callx(0, 0, 0, 0, reg, 2, 2));
    }

    public final void l8ui(int dest, int base, int byteOffset) {
        op24(rri8(2, 0, base, dest, byteOffset & 0xff));
    }

    public final void l16ui(int dest, int base, int halfWordOffset) {
        op24(rri8(2, 1, base, dest, halfWordOffset & 0xff));
    }

    public final void l32i(int dest, int base, int wordOffset) {
        op24(rri8(2, 2, base, dest, wordOffset & 0xff));
    }

    public final void l32iN(int dest, int base, int wordOffset) {
        op16(rrrn(8, wordOffset & 0xf, base, dest));
    }

    /** l32r: loads the word at {@code destOff}, relative to the instruction at {@code opOff} rounded up to a word. */
    public final void l32rOp(int dest, int opOff, int destOff) {
        op24(ri16(1, dest, ((destOff - ((opOff + 3) & ~3)) >> 2) & 0xffff));
    }

    public final void movN(int dest, int src) {
        op16(rrrn(13, 0, src, dest));
    }

    public final void movi(int dest, int imm12) {
        op24(rri8(2, 10, (imm12 >> 8) & 0xf, dest, imm12 & 0xff));
    }

    /** movi.n: the value must be in -32..95. */
    public final void moviN(int dest, int imm7) {
        op16(ri7(12, dest, imm7));
    }

    public final void mull(int dest, int a, int b) {
        op24(rrr(0, 2, 8, dest, a, b));
    }

    public final void neg(int dest, int src) {
        op24(rrr(0, 0, 6, dest, 0, src));
    }

    public final void or(int dest, int a, int b) {
        op24(rrr(0, 0, 2, dest, a, b));
    }

    public final void retN() {
        op16(rrrn(13, 15, 0, 0));
    }

    public final void retwN() {
        op16(rrrn(13, 15, 0, 1));
    }

    public final void s8i(int src, int base, int byteOffset) {
        op24(rri8(2, 4, base, src, byteOffset & 0xff));
    }

    public final void s16i(int src, int base, int halfWordOffset) {
        op24(rri8(2, 5, base, src, halfWordOffset & 0xff));
    }

    public final void s32i(int src, int base, int wordOffset) {
        op24(rri8(2, 6, base, src, wordOffset & 0xff));
    }

    public final void s32iN(int src, int base, int wordOffset) {
        op16(rrrn(9, wordOffset & 0xf, base, src));
    }

    public final void sll(int dest, int src) {
        op24(rrr(0, 1, 10, dest, src, 0));
    }

    public final void srl(int dest, int src) {
        op24(rrr(0, 1, 9, dest, 0, src));
    }

    public final void sra(int dest, int src) {
        op24(rrr(0, 1, 11, dest, 0, src));
    }

    public final void ssl(int src) {
        op24(rrr(0, 0, 4, 1, src, 0));
    }

    public final void ssr(int src) {
        op24(rrr(0, 0, 4, 0, src, 0));
    }

    public final void sub(int dest, int a, int b) {
        op24(rrr(0, 0, 12, dest, a, b));
    }

    public final void xor(int dest, int a, int b) {
        op24(rrr(0, 0, 3, dest, a, b));
    }
}
