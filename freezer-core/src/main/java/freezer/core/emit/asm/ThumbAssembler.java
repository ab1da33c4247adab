package freezer.core.emit.asm;

import freezer.core.ErrorType;
import freezer.core.bytecode.BinaryOp;
import freezer.core.emit.EmitException;

/**
 * Thumb machine code (py/asmthumb.c and the ASM_* macros of py/asmthumb.h) for the native
 * emitter on armv6m, armv7m, armv7em, armv7emsp and armv7emdp, and for {@code asm_thumb}
 * functions on those and on armv6.
 *
 * <p>Instructions are 16-bit halfwords; Thumb-2 ({@link Variant#allowsArmv7m}) adds 32-bit
 * forms, written as two halfwords, first one first. AAPCS: arguments in r0-r3, result in r0,
 * r4-r11 callee-saved. The entry pushes r1-r7 (or r1, r4-r7) and lr, so the emitter's locals 1-3
 * live in r4-r6 and r7 holds mp_fun_table; stack-frame words are addressed from sp.
 *
 * <p>Where Thumb-2 loads a constant with movw/movt and jumps far with b.w, Thumb-1 places a
 * word inline and loads it pc-relative (aligning with a nop first), and a far jump adds such a
 * word to pc through r1. Those sequences have one size whatever the distance, as a forward
 * jump's distance is unknown in the counting pass.
 */
public final class ThumbAssembler extends NativeAssembler {
    /** The instruction set a {@code -march} allows. */
    public enum Variant {
        /** armv6: Thumb-1, and an entry that switches from ARM state (only asm_thumb code runs here). */
        ARMV6(false, true),
        /** armv6m (Cortex-M0): Thumb-1 only. */
        ARMV6M(false, false),
        /** armv7m and the armv7em family: Thumb-2. */
        ARMV7M(true, false);

        private final boolean armv7m;
        private final boolean armEntry;

        Variant(boolean armv7m, boolean armEntry) {
            this.armv7m = armv7m;
            this.armEntry = armEntry;
        }

        /** asm_thumb_allow_armv7m: whether the 32-bit Thumb-2 instructions may be used. */
        public boolean allowsArmv7m() {
            return armv7m;
        }
    }

    public static final int R0 = 0;
    public static final int R1 = 1;
    public static final int R2 = 2;
    public static final int R3 = 3;
    public static final int R4 = 4;
    public static final int R5 = 5;
    public static final int R6 = 6;
    public static final int R7 = 7;
    public static final int SP = 13;
    public static final int PC = 15;

    // condition codes
    public static final int CC_EQ = 0x0;
    public static final int CC_NE = 0x1;
    public static final int CC_CS = 0x2;
    public static final int CC_CC = 0x3;
    public static final int CC_HI = 0x8;
    public static final int CC_LS = 0x9;
    public static final int CC_GE = 0xa;
    public static final int CC_LT = 0xb;
    public static final int CC_GT = 0xc;
    public static final int CC_LE = 0xd;

    public static final int OP_NOP = 0xbf00;
    /** it{t,e}: the condition goes in bits 4-7, the mask in 0-3. */
    public static final int OP_IT = 0xbf00;
    public static final int OP_MOVW = 0xf240;
    public static final int OP_MOVT = 0xf2c0;

    // format 1 (shift by an immediate), 2 (add/sub of three low registers or a 3-bit immediate),
    // 3 (an 8-bit immediate with one low register) and 4 (ALU operations on two low registers)
    public static final int F1_LSL = 0x0000;
    public static final int F2_ADD = 0x1800;
    public static final int F2_SUB = 0x1a00;
    public static final int F2_IMM = 0x0400;
    public static final int F3_MOV = 0x2000;
    public static final int F3_CMP = 0x2800;
    public static final int F3_ADD = 0x3000;
    public static final int F3_LDR_PC = 0x4800;
    public static final int F4_AND = 0x4000;
    public static final int F4_EOR = 0x4040;
    public static final int F4_LSL = 0x4080;
    public static final int F4_LSR = 0x40c0;
    public static final int F4_ASR = 0x4100;
    public static final int F4_NEG = 0x4240;
    public static final int F4_CMP = 0x4280;
    public static final int F4_ORR = 0x4300;
    public static final int F4_MUL = 0x4340;
    public static final int F4_MVN = 0x43c0;

    private static final int WORD = 4;

    private static final NativeRegisters REGISTERS = NativeRegisters.of(R0, R0, R1, R2, R3, R0, R1, R2, R4, R5,
            R6, R7);

    /** The registers of the entry's push besides lr (r0 is not saved: it carries the result). */
    private static final int PUSH_FEW = 0xf2;
    private static final int PUSH_ALL = 0xfe;

    /** The ITE instruction per condition: then when it holds, else when not (ASM_THUMB_OP_ITE_*). */
    private static final int[] ITE = {0xbf0c, 0xbf14, 0xbf2c, 0xbf34, 0xbf4c, 0xbf54, 0xbf6c, 0xbf74, 0xbf8c,
        0xbf94, 0xbfac, 0xbfb4, 0xbfcc, 0xbfd4};

    /** The 5-bit opcode of a 16-bit load or store with an immediate offset, per log2 of the size (bit 0: load). */
    private static final int[] LDR_STR_T1 = {0x0e, 0x10, 0x0c};

    private final Variant variant;
    private int pushRegs;
    /** Words reserved below the pushed registers. */
    private int stackAdjust;

    public ThumbAssembler(int maxLabels, Variant variant) {
        super(maxLabels);
        this.variant = variant;
    }

    public Variant variant() {
        return variant;
    }

    public boolean allowsArmv7m() {
        return variant.armv7m;
    }

    @Override
    public NativeRegisters registers() {
        return REGISTERS;
    }

    @Override
    public int wordSize() {
        return WORD;
    }

    @Override
    public int nlrBufIndexOfLocal1() {
        // r4 (emitnthumb.c)
        return 3;
    }

    // Raw instructions.

    public void op16(int op) {
        emit16(op);
    }

    public void op32(int hi, int lo) {
        emit16(hi);
        emit16(lo);
    }

    private static boolean unsignedFit7(int x) {
        return Integer.compareUnsigned(x, 128) < 0;
    }

    private static boolean unsignedFit8(int x) {
        return (x & 0xffffff00) == 0;
    }

    private static boolean unsignedFit16(int x) {
        return (x & 0xffff0000) == 0;
    }

    private static boolean signedFit9(int x) {
        int top = x & 0xffffff00;
        return top == 0 || top == 0xffffff00;
    }

    private static boolean signedFit12(int x) {
        int top = x & 0xfffff800;
        return top == 0 || top == 0xfffff800;
    }

    private static boolean signedFit23(int x) {
        int top = x & 0xffc00000;
        return top == 0 || top == 0xffc00000;
    }

    /** Format 1: {@code rd := rs shifted by an immediate}. */
    public void format1(int op, int rd, int rs, int shift) {
        op16(op | shift << 6 | rs << 3 | rd);
    }

    /** Format 2: {@code rd := rs +/- (register or 3-bit immediate)}. */
    public void format2(int op, int rd, int rs, int b) {
        op16(op | b << 6 | rs << 3 | rd);
    }

    /** Format 3: mov, cmp, add, sub of an 8-bit immediate and a low register. */
    public void format3(int op, int rlo, int i8) {
        op16(op | rlo << 8 | i8);
    }

    /** Format 4: an ALU operation on two low registers. */
    public void format4(int op, int rd, int rs) {
        op16(op | rs << 3 | rd);
    }

    /** Formats 9 and 10: a load or store with an immediate offset (already scaled). */
    public void format9or10(int op, int rd, int base, int offset) {
        op16(op | (offset << 6 & 0x07c0) | base << 3 | rd);
    }

    /** asm_thumb_mov_reg_reg: the high-register mov, whatever the registers. */
    @Override
    public void movRegReg(int dest, int src) {
        int lo = src < 8 ? src << 3 : 0x40 | (src - 8) << 3;
        lo |= dest < 8 ? dest : 0x80 | (dest - 8);
        op16(0x4600 | lo);
    }

    /** asm_thumb_mov_reg_i16: movw (zero-extending) or movt of a 16-bit value. */
    public void movRegI16(int movOp, int reg, int i16) {
        if (reg >= PC) {
            throw EmitException.abort("movw or movt into pc");
        }
        op32(movOp | (i16 >> 1 & 0x0400) | (i16 >> 12 & 0xf), (i16 << 4 & 0x7000) | reg << 8 | (i16 & 0xff));
    }

    // Entry and exit.

    @Override
    public void entry(int numLocals) {
        if (variant.armEntry) {
            // ARM code that calls the Thumb body and returns: push {r4, lr}; add lr, pc, #9;
            // blx lr; pop {r4, lr}; bx lr
            op32(0x4010, 0xe92d);
            op32(0xe009, 0xe28f);
            op32(0xff3e, 0xe12f);
            op32(0x4010, 0xe8bd);
            op32(0xff1e, 0xe12f);
        }
        // r1-r3 are pushed too where that keeps sp 8-byte aligned without a subtraction
        if (numLocals <= 1) {
            pushRegs = PUSH_FEW;
            stackAdjust = 0;
        } else if (numLocals <= 3) {
            pushRegs = PUSH_ALL;
            stackAdjust = 0;
        } else {
            pushRegs = PUSH_ALL;
            stackAdjust = (numLocals - 3 + 1) & ~1;
        }
        op16(0xb500 | pushRegs);
        if (stackAdjust > 0) {
            adjustSp(0xb080, 0xf2a0);
        }
    }

    @Override
    public void exit() {
        if (stackAdjust > 0) {
            adjustSp(0xb000, 0xf200);
        }
        op16(0xbd00 | pushRegs);
    }

    /**
     * sub sp or add sp by the frame: 7 bits of words in one halfword, else add.w/sub.w with the
     * byte count (whose bit 11 upstream does not encode) or, on Thumb-1, steps of 127 words.
     */
    private void adjustSp(int op16Words, int op32Hi) {
        if (variant.armv7m) {
            if (unsignedFit7(stackAdjust)) {
                op16(op16Words | stackAdjust);
            } else {
                int bytes = stackAdjust * 4;
                op32(op32Hi | SP, (bytes << 4 & 0x7000) | SP << 8 | (bytes & 0xff));
            }
        } else {
            int adj = stackAdjust;
            while (!unsignedFit7(adj)) {
                op16(op16Words | 127);
                adj -= 127;
            }
            op16(op16Words | adj);
        }
    }

    // Branches.

    private static int opBN(int rel) {
        return 0xe000 | (rel >> 1 & 0x07ff);
    }

    private static int opBccN(int cc, int rel) {
        return 0xd000 | cc << 8 | (rel >> 1 & 0x00ff);
    }

    private static int opBccWHi(int cc, int rel) {
        return 0xf000 | cc << 6 | (rel >> 10 & 0x0400) | (rel >> 12 & 0x003f);
    }

    private static int opBccWLo(int rel) {
        return 0x8000 | (rel >> 5 & 0x2000) | (rel >> 8 & 0x0800) | (rel >> 1 & 0x07ff);
    }

    /** The distance to a label from pc, which reads 4 bytes ahead of this instruction. */
    private int relTo(int label) {
        if (label >= maxLabels()) {
            throw EmitException.abort("a branch to a label the function does not have");
        }
        return labelOffset(label) - codeOffset() - 4;
    }

    /** Whether a branch can take its short form: backwards, to a label already placed. */
    private boolean knownBackwards(int label, int rel) {
        return labelOffset(label) != UNKNOWN && rel <= -4;
    }

    /** asm_thumb_b_n_label: b.n; false if the label is out of its reach (checked when emitting). */
    public boolean bNLabel(int label) {
        int rel = relTo(label);
        op16(opBN(rel));
        return pass() != Pass.EMIT || signedFit12(rel);
    }

    /** asm_thumb_bcc_nw_label: b&lt;cc&gt;.n, or b&lt;cc&gt;.w on Thumb-2; false if out of reach. */
    public boolean bccNwLabel(int cc, int label, boolean wide) {
        int rel = relTo(label);
        if (!wide) {
            op16(opBccN(cc, rel));
            return pass() != Pass.EMIT || signedFit9(rel);
        } else if (variant.armv7m) {
            op32(opBccWHi(cc, rel), opBccWLo(rel));
            return true;
        }
        return false;
    }

    /** asm_thumb_bl_label: bl; false if out of its reach. */
    public boolean blLabel(int label) {
        int rel = relTo(label);
        op32(0xf000 | (rel >> 12 & 0x07ff), 0xf800 | (rel >> 1 & 0x07ff));
        return pass() != Pass.EMIT || signedFit23(rel);
    }

    /** asm_thumb_b_label: b.n backwards when in reach, else b.w, or on Thumb-1 a fixed-size sequence. */
    @Override
    public void jump(int label) {
        int rel = relTo(label);
        if (knownBackwards(label, rel) && signedFit12(rel)) {
            op16(opBN(rel));
            return;
        }
        if (variant.armv7m) {
            op32(0xf000 | (rel >> 12 & 0x07ff), 0xb800 | (rel >> 1 & 0x07ff));
            return;
        }
        boolean needAlign = (codeOffset() & 2) != 0;
        if (signedFit12(rel)) {
            op16(opBN(rel));
            op16(OP_NOP);
            op16(OP_NOP);
            op16(OP_NOP);
            if (needAlign) {
                op16(OP_NOP);
            }
        } else {
            // (nop); ldr r1, [pc, #0]; add pc, r1; .word rel (r0 may hold the result)
            rel -= 2;
            if (needAlign) {
                op16(OP_NOP);
                rel -= 2;
            }
            format3(F3_LDR_PC, R1, 0);
            addRegRegHi(PC, R1);
            op16(rel & 0xffff);
            op16(rel >>> 16);
        }
    }

    /** asm_thumb_bcc_label: b&lt;cc&gt;.n backwards when in reach, else b&lt;cc&gt;.w, or on Thumb-1 the inverse condition over a jump. */
    private void branchIf(int cc, int label) {
        int rel = relTo(label);
        if (knownBackwards(label, rel) && signedFit9(rel)) {
            op16(opBccN(cc, rel));
            return;
        }
        if (variant.armv7m) {
            op32(opBccWHi(cc, rel), opBccWLo(rel));
            return;
        }
        int start = codeOffset();
        int at = reserve16();
        jump(label);
        patch16(at, opBccN(cc ^ 1, codeOffset() - start - 4));
    }

    @Override
    public void jumpIfRegZero(int reg, int label, boolean boolTest) {
        format3(F3_CMP, reg, 0);
        branchIf(CC_EQ, label);
    }

    @Override
    public void jumpIfRegNonzero(int reg, int label, boolean boolTest) {
        format3(F3_CMP, reg, 0);
        branchIf(CC_NE, label);
    }

    @Override
    public void jumpIfRegEq(int reg1, int reg2, int label) {
        format4(F4_CMP, reg1, reg2);
        branchIf(CC_EQ, label);
    }

    @Override
    public void jumpReg(int reg) {
        // bx reg
        op16(0x4700 | reg << 3);
    }

    /** Format 5 add: {@code rd := rd + rs}, high registers allowed. */
    private void addRegRegHi(int rd, int rs) {
        op16(0x4400 | (rd << 4 & 0x80) | rs << 3 | (rd & 7));
    }

    /** asm_thumb_bl_ind: the table entry into a scratch register, then blx to it. */
    private void blInd(int fun, int regTemp) {
        loadOffset(Width.BITS32, regTemp, R7, fun);
        op16(0x4780 | regTemp << 3);
    }

    @Override
    public void callInd(int fun) {
        blInd(fun, R3);
    }

    @Override
    public void callSetupCodeState(int fun) {
        blInd(fun, R4);
    }

    // Moves.

    /** asm_thumb_mov_local_check: sp-relative ldr and str reach 255 words (checked when emitting). */
    private void checkLocal(int local) {
        if (pass() == Pass.EMIT && !unsignedFit8(local)) {
            throw EmitException.raised(ErrorType.NotImplementedError, "too many locals for native method");
        }
    }

    @Override
    public void movLocalReg(int local, int reg) {
        checkLocal(local);
        op16(0x9000 | reg << 8 | (local & 0xff));
    }

    @Override
    public void movRegLocal(int reg, int local) {
        checkLocal(local);
        op16(0x9800 | reg << 8 | (local & 0xff));
    }

    @Override
    public void movRegLocalAddr(int reg, int local) {
        // add reg, sp, #local*4, unchecked as upstream's
        op16(0xa800 | reg << 8 | (local & 0xff));
    }

    @Override
    public void movRegImm(int reg, long imm) {
        movRegImm32(reg, (int) imm);
    }

    /** asm_thumb_mov_reg_i32_optimised. */
    private void movRegImm32(int reg, int i32) {
        if (reg < 8 && unsignedFit8(i32)) {
            format3(F3_MOV, reg, i32);
        } else if (variant.armv7m) {
            if (unsignedFit16(i32)) {
                movRegI16(OP_MOVW, reg, i32);
            } else {
                movRegI32(reg, i32);
            }
        } else {
            // Thumb-1: a shifted byte, a 16-bit value in three steps, or an inline word;
            // negated first where that helps (never 0x80000000)
            boolean negate = i32 < 0 && i32 + i32 != 0;
            if (negate) {
                i32 = -i32;
            }
            int clz = Integer.numberOfLeadingZeros(i32);
            int ctz = i32 == 0 ? 0 : Integer.numberOfTrailingZeros(i32);
            if (clz + ctz >= 24) {
                format3(F3_MOV, reg, i32 >>> ctz & 0xff);
                format1(F1_LSL, reg, reg, ctz);
            } else if (unsignedFit16(i32)) {
                movRloI16(reg, i32);
            } else {
                if (negate) {
                    negate = false;
                    i32 = -i32;
                }
                movRegI32(reg, i32);
            }
            if (negate) {
                negReg(reg);
            }
        }
    }

    /** asm_thumb_mov_reg_i32: movw and movt, or on Thumb-1 an aligned inline word loaded pc-relative. */
    private void movRegI32(int reg, int i32) {
        if (variant.armv7m) {
            movRegI16(OP_MOVW, reg, i32);
            movRegI16(OP_MOVT, reg, i32 >>> 16);
        } else {
            // (nop); ldr reg, [pc, #0]; b over; .word i32
            if ((codeOffset() & 2) != 0) {
                op16(OP_NOP);
            }
            format3(F3_LDR_PC, reg, 0);
            op16(opBN(2));
            op16(i32 & 0xffff);
            op16(i32 >>> 16);
        }
    }

    /** asm_thumb_mov_rlo_i16: the high byte, shifted up, plus the low byte. */
    private void movRloI16(int rlo, int i16) {
        format3(F3_MOV, rlo, i16 >> 8 & 0xff);
        format1(F1_LSL, rlo, rlo, 8);
        format3(F3_ADD, rlo, i16 & 0xff);
    }

    @Override
    public void movRegPcrel(int reg, int label) {
        // a fixed-size sequence: the label's distance (odd, to stay in Thumb state) sign-extended
        // from 16 bits, then pc added
        int rel = (labelOffset(label) - codeOffset()) | 1;
        if (variant.armv7m) {
            rel -= 6 + 4;
            movRegI16(OP_MOVW, reg, rel);
        } else {
            rel -= 8 + 4;
            movRloI16(reg, rel);
        }
        // sxth reg, reg
        op16(0xb200 | reg << 3 | reg);
        addRegRegHi(reg, PC);
    }

    @Override
    public void clrReg(int reg) {
        format3(F3_MOV, reg, 0);
    }

    // Arithmetic.

    @Override
    public boolean hasNotReg() {
        return true;
    }

    @Override
    public void notReg(int reg) {
        format4(F4_MVN, reg, reg);
    }

    @Override
    public void negReg(int reg) {
        format4(F4_NEG, reg, reg);
    }

    @Override
    public void orRegReg(int dest, int src) {
        format4(F4_ORR, dest, src);
    }

    @Override
    public void xorRegReg(int dest, int src) {
        format4(F4_EOR, dest, src);
    }

    @Override
    public void andRegReg(int dest, int src) {
        format4(F4_AND, dest, src);
    }

    @Override
    public void addRegReg(int dest, int src) {
        format2(F2_ADD, dest, dest, src);
    }

    @Override
    public void subRegReg(int dest, int src) {
        format2(F2_SUB, dest, dest, src);
    }

    @Override
    public void mulRegReg(int dest, int src) {
        format4(F4_MUL, dest, src);
    }

    @Override
    public void shiftRegReg(Shift shift, int dest, int src) {
        int op = switch (shift) {
            case LEFT -> F4_LSL;
            case RIGHT_LOGICAL -> F4_LSR;
            case RIGHT_ARITHMETIC -> F4_ASR;
        };
        format4(op, dest, src);
    }

    @Override
    public void compareToBool(BinaryOp op, boolean unsigned, int dest, int lhs, int rhs) {
        int cc = switch (op) {
            case LESS -> unsigned ? CC_CC : CC_LT;
            case MORE -> unsigned ? CC_HI : CC_GT;
            case EQUAL -> CC_EQ;
            case LESS_EQUAL -> unsigned ? CC_LS : CC_LE;
            case MORE_EQUAL -> unsigned ? CC_CS : CC_GE;
            case NOT_EQUAL -> CC_NE;
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        };
        format4(F4_CMP, lhs, rhs);
        if (variant.armv7m) {
            // ite cc; movs dest, #1; movs dest, #0
            op16(ITE[cc]);
            format3(F3_MOV, dest, 1);
            format3(F3_MOV, dest, 0);
        } else {
            // b<cc> over the 0; movs dest, #0; b over the 1; movs dest, #1
            op16(opBccN(cc, 6 - 4));
            format3(F3_MOV, dest, 0);
            op16(opBN(4 - 4));
            format3(F3_MOV, dest, 1);
        }
    }

    // Loads and stores.

    private static int sizeShift(Width width) {
        return switch (width) {
            case BITS8 -> 0;
            case BITS16 -> 1;
            case BITS32 -> 2;
        };
    }

    /** The 16-bit load or store with a 5-bit offset in elements (T1). */
    private void ldrStrT1(int size, boolean load, int reg, int base, int offset) {
        op16((LDR_STR_T1[size] | (load ? 1 : 0)) << 11 | offset << 6 | base << 3 | reg);
    }

    /** The 32-bit load or store with a 12-bit byte offset (T3). */
    private void ldrStrT3(int size, boolean load, int reg, int base, int byteOffset) {
        op32(0xf880 | size << 5 | base | (load ? 0x10 : 0), reg << 12 | byteOffset);
    }

    private static boolean unsignedFit(int bits, int value) {
        return (value & (-1 << bits)) == 0;
    }

    /** asm_thumb_load_reg_reg_offset: the offset counts elements of the width. */
    @Override
    public void loadOffset(Width width, int dest, int base, int offset) {
        int size = sizeShift(width);
        if (unsignedFit(5, offset) && dest < 8 && base < 8) {
            ldrStrT1(size, true, dest, base, offset);
        } else if (variant.armv7m && unsignedFit(12, offset << size)) {
            ldrStrT3(size, true, dest, base, offset << size);
        } else {
            // dest := base + all but the last 31 elements, then the T1 form reaches the rest
            addRegRegOffset(dest, base, offset - 31, size);
            ldrStrT1(size, true, dest, dest, 31);
        }
    }

    /** asm_thumb_store_reg_reg_offset. */
    @Override
    public void storeOffset(Width width, int src, int base, int offset) {
        int size = sizeShift(width);
        if (unsignedFit(5, offset) && src < 8 && base < 8) {
            ldrStrT1(size, false, src, base, offset);
        } else if (variant.armv7m && unsignedFit(12, offset << size)) {
            ldrStrT3(size, false, src, base, offset << size);
        } else {
            // the base moves up (and back) so the T1 form reaches the element
            push(1 << base);
            addRegRegOffset(base, base, offset - 31, size);
            ldrStrT1(size, false, src, base, 31);
            pop(1 << base);
        }
    }

    private void push(int lowRegs) {
        op16(0xb400 | lowRegs);
    }

    private void pop(int lowRegs) {
        op16(0xbc00 | lowRegs);
    }

    /** asm_thumb_add_reg_reg_offset: {@code dest := base + (offset << shift)}, low registers only. */
    private void addRegRegOffset(int dest, int base, int offset, int shift) {
        if (dest >= 8 || base >= 8) {
            throw EmitException.abort("a far load or store with a high register");
        }
        if (Integer.compareUnsigned(offset << shift, 256) < 0) {
            if (dest != base) {
                movRegReg(dest, base);
            }
            format3(F3_ADD, dest, offset << shift);
        } else if (unsignedFit8(offset) && dest != base) {
            format3(F3_MOV, dest, offset);
            format1(F1_LSL, dest, dest, shift);
            format2(F2_ADD, dest, dest, base);
        } else if (dest != base) {
            movRegImm32(dest, offset << shift);
            format2(F2_ADD, dest, dest, base);
        } else {
            // a scratch register, saved around it
            int other = dest ^ 7;
            push(1 << other);
            movRegImm32(other, offset << shift);
            format2(F2_ADD, dest, dest, other);
            pop(1 << other);
        }
    }

    @Override
    public boolean hasLoadIndexed(Width width) {
        return true;
    }

    @Override
    public void loadIndexed(Width width, int dest, int base, int index) {
        // ldr{b,h,} dest, [base, index]; the index scaled into REG_TEMP2 first
        switch (width) {
            case BITS8 -> op16(0x5c00 | index << 6 | base << 3 | dest);
            case BITS16 -> {
                format1(F1_LSL, R2, index, 1);
                op16(0x5a00 | R2 << 6 | base << 3 | dest);
            }
            case BITS32 -> {
                format1(F1_LSL, R2, index, 2);
                op16(0x5800 | R2 << 6 | base << 3 | dest);
            }
        }
    }

    @Override
    public boolean hasStoreIndexed(Width width) {
        return true;
    }

    @Override
    public void storeIndexed(Width width, int src, int base, int index) {
        // the index register is scaled in place, saved around it
        switch (width) {
            case BITS8 -> op16(0x5400 | index << 6 | base << 3 | src);
            case BITS16 -> {
                push(1 << index);
                format1(F1_LSL, index, index, 1);
                op16(0x5200 | index << 6 | base << 3 | src);
                pop(1 << index);
            }
            case BITS32 -> {
                push(1 << index);
                format1(F1_LSL, index, index, 2);
                op16(0x5000 | index << 6 | base << 3 | src);
                pop(1 << index);
            }
        }
    }
}
