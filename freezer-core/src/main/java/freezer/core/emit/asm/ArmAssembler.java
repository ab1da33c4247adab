package freezer.core.emit.asm;

import freezer.core.bytecode.BinaryOp;
import freezer.core.emit.EmitException;

/**
 * 32-bit ARM (A32) machine code for {@code -march=armv6} (py/asmarm.c): every instruction is
 * one little-endian word with its condition in the top four bits. AAPCS calling convention:
 * arguments in r0-r3, result in r0, r4-r11 callee-saved. The entry pushes r1-r8 and lr, so the
 * emitter's locals 1-3 live in r4-r6 and r7 holds mp_fun_table; stack-frame words are addressed
 * from sp. r8 is the assembler's own scratch register (for offsets too big for an instruction).
 *
 * <p>Constants that do not fit an instruction's 8-bit immediate are placed inline: {@code ldr rd,
 * [pc]} loads the word after the following branch, which jumps over it.
 */
public final class ArmAssembler extends NativeAssembler {
    static final int R0 = 0;
    static final int R1 = 1;
    static final int R2 = 2;
    static final int R3 = 3;
    static final int R4 = 4;
    static final int R5 = 5;
    static final int R6 = 6;
    static final int R7 = 7;
    static final int R8 = 8;
    static final int SP = 13;
    static final int LR = 14;
    static final int PC = 15;

    private static final int WORD = 4;

    /** asmarm.c REG_TEMP: the assembler's scratch register. */
    private static final int TEMP = R8;

    /** r7 holds mp_fun_table (ASM_ARM_REG_FUN_TABLE). */
    private static final NativeRegisters REGISTERS = NativeRegisters.of(R0, R0, R1, R2, R3, R0, R1, R2, R4, R5,
            R6, R7);

    /** The registers every entry saves besides lr: the argument registers but r0, and r4-r8. */
    private static final int SAVED = 1 << R1 | 1 << R2 | 1 << R3 | 1 << R4 | 1 << R5 | 1 << R6 | 1 << R7 | 1 << R8;

    // condition codes (bits 28-31)
    private static final int CC_EQ = 0x0 << 28;
    private static final int CC_NE = 0x1 << 28;
    private static final int CC_CS = 0x2 << 28;
    private static final int CC_CC = 0x3 << 28;
    private static final int CC_HI = 0x8 << 28;
    private static final int CC_LS = 0x9 << 28;
    private static final int CC_GE = 0xa << 28;
    private static final int CC_LT = 0xb << 28;
    private static final int CC_GT = 0xc << 28;
    private static final int CC_LE = 0xd << 28;
    private static final int CC_AL = 0xe << 28;

    // data-processing instructions, without condition and operands
    private static final int AND_REG = 0x0000000;
    private static final int EOR_REG = 0x0200000;
    private static final int SUB_REG = 0x0400000;
    private static final int ADD_REG = 0x0800000;
    private static final int ORR_REG = 0x1800000;
    private static final int MOV_REG = 0x1a00000;
    private static final int MVN_REG = 0x1e00000;
    private static final int SUB_IMM = 0x2400000;
    private static final int RSB_IMM = 0x2600000;
    private static final int ADD_IMM = 0x2800000;
    private static final int MOV_IMM = 0x3a00000;
    private static final int MVN_IMM = 0x3e00000;
    private static final int CMP_REG = 0x1500000;
    private static final int CMP_IMM = 0x3500000;

    // loads and stores: word and byte (12-bit offset, or a register), halfword (8-bit offset split in two nibbles)
    private static final int LDR_IMM = 0x5900000;
    private static final int LDR_REG = 0x7900000;
    private static final int LDRB_IMM = 0x5d00000;
    private static final int LDRB_REG = 0x7d00000;
    private static final int STR_IMM = 0x5800000;
    private static final int STR_REG = 0x7800000;
    private static final int STRB_IMM = 0x5c00000;
    private static final int STRB_REG = 0x7c00000;
    private static final int LDRH_IMM = 0x1d000b0;
    private static final int LDRH_REG = 0x19000b0;
    private static final int STRH_IMM = 0x1c000b0;
    private static final int STRH_REG = 0x18000b0;
    /** The register offset of ldr and str shifted left by 2 (a word index). */
    private static final int INDEX_LSL2 = 0x100;

    /** asm_arm_entry's stack adjustment in bytes, which the exit undoes. */
    private int stackAdjust;

    public ArmAssembler(int maxLabels) {
        super(maxLabels);
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
        // r4, the fourth word of nlr_buf_t (emitnarm.c)
        return 3;
    }

    /** One instruction with the condition "always". */
    private void emitAl(int op) {
        emit32(op | CC_AL);
    }

    private static int rd(int reg) {
        return reg << 12;
    }

    private static int rn(int reg) {
        return reg << 16;
    }

    /** A data-processing instruction on registers: {@code rd := rn op rm}. */
    private void opRegs(int op, int d, int n, int m) {
        emitAl(op | rn(n) | rd(d) | m);
    }

    /** A data-processing instruction with an 8-bit immediate: {@code rd := rn op imm}. */
    private void opImm(int op, int d, int n, int imm) {
        emitAl(op | rn(n) | rd(d) | (imm & 0xff));
    }

    @Override
    public void entry(int numLocals) {
        // a frame only for locals beyond the three registers, kept a multiple of 8 bytes
        stackAdjust = 0;
        if (numLocals > 3) {
            stackAdjust = numLocals * WORD;
            if ((numLocals & 1) != 0) {
                stackAdjust += WORD;
            }
        }
        push(SAVED | 1 << LR);
        if (stackAdjust > 0) {
            adjustSp(SUB_IMM, SUB_REG);
        }
    }

    @Override
    public void exit() {
        if (stackAdjust > 0) {
            adjustSp(ADD_IMM, ADD_REG);
        }
        pop(SAVED | 1 << PC);
    }

    private void adjustSp(int opImm, int opReg) {
        if (stackAdjust < 0x100) {
            opImm(opImm, SP, SP, stackAdjust);
        } else {
            movRegImm32(TEMP, stackAdjust);
            opRegs(opReg, SP, SP, TEMP);
        }
    }

    /** stmfd sp!, {regs}. */
    private void push(int regs) {
        emitAl(0x92d0000 | (regs & 0xffff));
    }

    /** ldmfd sp!, {regs}. */
    private void pop(int regs) {
        emitAl(0x8bd0000 | (regs & 0xffff));
    }

    /** asm_arm_bcc_label: a branch, conditional or not, to a label within 32 MiB. */
    private void branch(int cond, int label) {
        // pc reads 8 bytes ahead; the offset is in words
        int rel = (labelOffset(label) - codeOffset() - 8) >> 2;
        if (rel >= -(1 << 23) && rel < 1 << 23) {
            emit32(cond | 0xa000000 | (rel & 0xffffff));
        }
        // upstream prints "branch does not fit in 24 bits" and writes nothing: a function
        // of more than 32 MiB, which nothing reaches
    }

    @Override
    public void jump(int label) {
        branch(CC_AL, label);
    }

    @Override
    public void jumpIfRegZero(int reg, int label, boolean boolTest) {
        cmpImm(reg, 0);
        branch(CC_EQ, label);
    }

    @Override
    public void jumpIfRegNonzero(int reg, int label, boolean boolTest) {
        cmpImm(reg, 0);
        branch(CC_NE, label);
    }

    @Override
    public void jumpIfRegEq(int reg1, int reg2, int label) {
        cmpReg(reg1, reg2);
        branch(CC_EQ, label);
    }

    private void cmpImm(int reg, int imm) {
        emitAl(CMP_IMM | rn(reg) | (imm & 0xff));
    }

    private void cmpReg(int a, int b) {
        emitAl(CMP_REG | rn(a) | b);
    }

    @Override
    public void jumpReg(int reg) {
        // bx reg
        emitAl(0x012fff10 | reg);
    }

    /**
     * asm_arm_bl_ind: {@code mov lr, pc} then {@code ldr pc, [r7, #fun*4]} (pc reads 8 ahead, so
     * lr is the instruction after the load). The same two words serve mp_setup_code_state,
     * which upstream calls with another scratch register that this form does not use.
     */
    @Override
    public void callInd(int fun) {
        if (fun >= 0x1000 / WORD) {
            throw EmitException.abort("a runtime function beyond the reach of ldr's offset");
        }
        movRegReg(LR, PC);
        emitAl(LDR_IMM | rn(R7) | rd(PC) | fun << 2);
    }

    @Override
    public void movLocalReg(int local, int reg) {
        // str reg, [sp, #local*4], the offset unchecked as upstream's
        emitAl(STR_IMM | rn(SP) | rd(reg) | local << 2);
    }

    @Override
    public void movRegLocal(int reg, int local) {
        emitAl(LDR_IMM | rn(SP) | rd(reg) | local << 2);
    }

    @Override
    public void movRegReg(int dest, int src) {
        emitAl(MOV_REG | rd(dest) | src);
    }

    @Override
    public void movRegImm(int reg, long imm) {
        // asm_arm_mov_reg_i32_optimised takes the low 32 bits of upstream's value
        movRegImm32(reg, (int) imm);
    }

    /** asm_arm_mov_reg_i32_optimised: mov or mvn of an 8-bit immediate, else an inline word. */
    private void movRegImm32(int reg, int imm) {
        if ((imm & 0xff) == imm) {
            emitAl(MOV_IMM | rd(reg) | imm);
        } else if (imm < 0 && imm >= -256) {
            emitAl(MVN_IMM | rd(reg) | ~imm);
        } else {
            loadInlineWord(reg, imm);
        }
    }

    /** {@code ldr reg, [pc]; b over; .word value}: pc reads 8 ahead, at the word. */
    private void loadInlineWord(int reg, int value) {
        emitAl(LDR_IMM | rn(PC) | rd(reg));
        emitAl(0xa000000);
        emit32(value);
    }

    @Override
    public void movRegLocalAddr(int reg, int local) {
        if (local >= 0x40) {
            movRegImm32(TEMP, local << 2);
            opRegs(ADD_REG, reg, SP, TEMP);
        } else {
            opImm(ADD_IMM, reg, SP, local << 2);
        }
    }

    @Override
    public void movRegPcrel(int reg, int label) {
        // the distance from the add below, whose pc reads 8 ahead: 12 bytes to it and 8 more
        int rel = labelOffset(label) - codeOffset() - (12 + 8);
        loadInlineWord(reg, rel);
        opRegs(ADD_REG, reg, reg, PC);
    }

    @Override
    public void clrReg(int reg) {
        xorRegReg(reg, reg);
    }

    @Override
    public boolean hasNotReg() {
        return true;
    }

    @Override
    public void notReg(int reg) {
        emitAl(MVN_REG | rd(reg) | reg);
    }

    @Override
    public void negReg(int reg) {
        // rsb reg, reg, #0
        opImm(RSB_IMM, reg, reg, 0);
    }

    @Override
    public void orRegReg(int dest, int src) {
        opRegs(ORR_REG, dest, dest, src);
    }

    @Override
    public void xorRegReg(int dest, int src) {
        opRegs(EOR_REG, dest, dest, src);
    }

    @Override
    public void andRegReg(int dest, int src) {
        opRegs(AND_REG, dest, dest, src);
    }

    @Override
    public void addRegReg(int dest, int src) {
        opRegs(ADD_REG, dest, dest, src);
    }

    @Override
    public void subRegReg(int dest, int src) {
        opRegs(SUB_REG, dest, dest, src);
    }

    @Override
    public void mulRegReg(int dest, int src) {
        // mul dest, src, dest: ARMv5 and earlier leave mul undefined when rd equals rm
        if (dest == src) {
            throw EmitException.abort("mul with the same register twice");
        }
        emitAl(0x0000090 | rn(dest) | dest << 8 | src);
    }

    @Override
    public void shiftRegReg(Shift shift, int dest, int src) {
        // mov dest, dest, <shift> src
        int type = switch (shift) {
            case LEFT -> 0x10;
            case RIGHT_LOGICAL -> 0x30;
            case RIGHT_ARITHMETIC -> 0x50;
        };
        emitAl(MOV_REG | type | rd(dest) | src << 8 | dest);
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
        cmpReg(lhs, rhs);
        // asm_arm_setcc_reg: mov<cc> dest, #1; mov<!cc> dest, #0 (the low condition bit negates)
        emit32(MOV_IMM | rd(dest) | 1 | cc);
        emit32(MOV_IMM | rd(dest) | (cc ^ 1 << 28));
    }

    @Override
    public void loadOffset(Width width, int dest, int base, int index) {
        switch (width) {
            case BITS8 -> wordOrByte(LDRB_IMM, LDRB_REG, dest, base, index);
            case BITS16 -> halfword(LDRH_IMM, LDRH_REG, dest, base, 2 * index);
            case BITS32 -> wordOrByte(LDR_IMM, LDR_REG, dest, base, 4 * index);
        }
    }

    @Override
    public void storeOffset(Width width, int src, int base, int index) {
        switch (width) {
            case BITS8 -> wordOrByte(STRB_IMM, STRB_REG, src, base, index);
            case BITS16 -> halfword(STRH_IMM, STRH_REG, src, base, 2 * index);
            case BITS32 -> wordOrByte(STR_IMM, STR_REG, src, base, 4 * index);
        }
    }

    /**
     * A word or byte load or store at a byte offset: 12 bits in the instruction, else the offset
     * in the scratch register (upstream compares the offset unsigned).
     */
    private void wordOrByte(int opImm, int opReg, int reg, int base, int byteOffset) {
        if (Integer.compareUnsigned(byteOffset, 0x1000) < 0) {
            emitAl(opImm | rn(base) | rd(reg) | byteOffset);
        } else {
            movRegImm32(TEMP, byteOffset);
            emitAl(opReg | rn(base) | rd(reg) | TEMP);
        }
    }

    /** A halfword load or store at a byte offset: 8 bits in two nibbles, else the scratch register. */
    private void halfword(int opImm, int opReg, int reg, int base, int byteOffset) {
        if (Integer.compareUnsigned(byteOffset, 0x100) < 0) {
            emitAl(opImm | rn(base) | rd(reg) | (byteOffset & 0xf0) << 4 | byteOffset & 0xf);
        } else {
            movRegImm32(TEMP, byteOffset);
            emitAl(opReg | rn(base) | rd(reg) | TEMP);
        }
    }

    @Override
    public boolean hasLoadIndexed(Width width) {
        return true;
    }

    @Override
    public void loadIndexed(Width width, int dest, int base, int index) {
        switch (width) {
            case BITS8 -> emitAl(LDRB_REG | rn(base) | rd(dest) | index);
            case BITS16 -> halfwordIndexed(LDRH_REG, dest, base, index);
            case BITS32 -> emitAl(LDR_REG | INDEX_LSL2 | rn(base) | rd(dest) | index);
        }
    }

    @Override
    public boolean hasStoreIndexed(Width width) {
        return true;
    }

    @Override
    public void storeIndexed(Width width, int src, int base, int index) {
        switch (width) {
            case BITS8 -> emitAl(STRB_REG | rn(base) | rd(src) | index);
            case BITS16 -> halfwordIndexed(STRH_REG, src, base, index);
            case BITS32 -> emitAl(STR_REG | INDEX_LSL2 | rn(base) | rd(src) | index);
        }
    }

    /** ldrh and strh take no scaled index: the scratch register gets the index times two. */
    private void halfwordIndexed(int opReg, int reg, int base, int index) {
        // mov temp, index, lsl #1
        emitAl(0x1a00080 | rd(TEMP) | index);
        emitAl(opReg | rn(base) | rd(reg) | TEMP);
    }
}
