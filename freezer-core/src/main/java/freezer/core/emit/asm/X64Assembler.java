package freezer.core.emit.asm;

import freezer.core.bytecode.BinaryOp;

/**
 * x86-64 machine code (py/asmx64.c) for the native emitter, System V calling convention:
 * arguments in RDI, RSI, RDX, RCX, result in RAX, RBX, RBP and R12..R15 callee-saved. The
 * frame is four pushed registers plus an odd number of words, so calls see a 16-byte aligned
 * stack; locals are addressed from RSP.
 */
public final class X64Assembler extends NativeAssembler {
    static final int RAX = 0;
    static final int RCX = 1;
    static final int RDX = 2;
    static final int RBX = 3;
    static final int RSP = 4;
    static final int RBP = 5;
    static final int RSI = 6;
    static final int RDI = 7;
    static final int R12 = 12;
    static final int R13 = 13;

    private static final int WORD = 8;

    /** RBP holds mp_fun_table (ASM_X64_REG_FUN_TABLE). */
    private static final NativeRegisters REGISTERS = NativeRegisters.of(RAX, RDI, RSI, RDX, RCX, RAX, RDI, RSI,
            RBX, R12, R13, RBP);

    // condition codes (the low nibble of jcc and setcc)
    static final int CC_B = 0x2;
    static final int CC_AE = 0x3;
    static final int CC_E = 0x4;
    static final int CC_NE = 0x5;
    static final int CC_BE = 0x6;
    static final int CC_A = 0x7;
    static final int CC_L = 0xc;
    static final int CC_GE = 0xd;
    static final int CC_LE = 0xe;
    static final int CC_G = 0xf;

    // opcodes (asmx64.c OPCODE_*)
    private static final int PUSH_R64 = 0x50;
    private static final int POP_R64 = 0x58;
    private static final int RET = 0xc3;
    private static final int MOV_I64_TO_R64 = 0xb8;
    private static final int MOV_R8_TO_RM8 = 0x88;
    private static final int MOV_R64_TO_RM64 = 0x89;
    private static final int MOV_RM64_TO_R64 = 0x8b;
    private static final int MOVZX_RM8_TO_R64 = 0xb6;
    private static final int MOVZX_RM16_TO_R64 = 0xb7;
    private static final int LEA_MEM_TO_R64 = 0x8d;
    private static final int NOT_NEG_RM64 = 0xf7;
    private static final int AND_R64_TO_RM64 = 0x21;
    private static final int OR_R64_TO_RM64 = 0x09;
    private static final int XOR_R64_TO_RM64 = 0x31;
    private static final int ADD_R64_TO_RM64 = 0x01;
    private static final int SUB_R64_FROM_RM64 = 0x29;
    private static final int SUB_I32_FROM_RM64 = 0x81;
    private static final int SUB_I8_FROM_RM64 = 0x83;
    private static final int SHIFT_RM64_CL = 0xd3;
    private static final int CMP_R64_WITH_RM64 = 0x39;
    private static final int TEST_R8_WITH_RM8 = 0x84;
    private static final int TEST_R64_WITH_RM64 = 0x85;
    private static final int JMP_REL8 = 0xeb;
    private static final int JMP_REL32 = 0xe9;
    private static final int JMP_CALL_RM64 = 0xff;
    private static final int JCC_REL8 = 0x70;
    private static final int OP_SIZE_PREFIX = 0x66;

    // ModRM fields
    private static final int MODRM_DISP0 = 0x00;
    private static final int MODRM_DISP8 = 0x40;
    private static final int MODRM_DISP32 = 0x80;
    private static final int MODRM_REG = 0xc0;

    // REX prefix bits
    private static final int REX = 0x40;
    private static final int REX_W = 0x08;
    private static final int REX_B = 0x01;

    private int numLocals;

    public X64Assembler(int maxLabels) {
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
        // rbx, the sixth word of nlr_buf_t
        return 5;
    }

    private static int modrmReg(int r) {
        return (r & 7) << 3;
    }

    private static int modrmRm(int r) {
        return r & 7;
    }

    private static int rexR(int r) {
        return r >> 1 & 0x04;
    }

    private static int rexB(int r) {
        return r >> 3 & 0x01;
    }

    /** asmx64.c SIGNED_FIT8, which looks at the low 32 bits only. */
    private static boolean signedFit8(long x) {
        long low = x & 0xffffff80L;
        return low == 0 || low == 0xffffff80L;
    }

    /** A register and a memory operand [base + disp]: ModRM, SIB for RSP/R12, displacement. */
    private void regDisp(int r, int base, int disp) {
        int mod;
        if (disp == 0 && (base & 7) != RBP) {
            mod = MODRM_DISP0;
        } else if (signedFit8(disp)) {
            mod = MODRM_DISP8;
        } else {
            mod = MODRM_DISP32;
        }
        emit8(modrmReg(r) | mod | modrmRm(base));
        if ((base & 7) == RSP) {
            // RSP and R12 as a base need a SIB byte
            emit8(0x24);
        }
        if (mod == MODRM_DISP8) {
            emit8(disp);
        } else if (mod == MODRM_DISP32) {
            emit32(disp);
        }
    }

    /** A 64-bit operation between two registers: REX.W, the opcode, ModRM (src in reg, dest in r/m). */
    private void rr64(int dest, int src, int op) {
        emit8(REX | REX_W | rexR(src) | rexB(dest));
        emit8(op);
        emit8(modrmReg(src) | MODRM_REG | modrmRm(dest));
    }

    private void push(int r) {
        if (r < 8) {
            emit8(PUSH_R64 | r);
        } else {
            emit8(REX | REX_B);
            emit8(PUSH_R64 | (r & 7));
        }
    }

    private void pop(int r) {
        if (r < 8) {
            emit8(POP_R64 | r);
        } else {
            emit8(REX | REX_B);
            emit8(POP_R64 | (r & 7));
        }
    }

    /** asm_x64_sub_r64_i32 (RSP only). */
    private void subImm(int dest, int imm) {
        emit8(REX | REX_W);
        emit8(signedFit8(imm) ? SUB_I8_FROM_RM64 : SUB_I32_FROM_RM64);
        emit8(modrmReg(5) | MODRM_REG | modrmRm(dest));
        if (signedFit8(imm)) {
            emit8(imm);
        } else {
            emit32(imm);
        }
    }

    @Override
    public void entry(int locals) {
        push(RBP);
        push(RBX);
        push(R12);
        push(R13);
        // an odd number of words keeps the stack 16-byte aligned at calls
        locals |= 1;
        subImm(RSP, locals * WORD);
        numLocals = locals;
    }

    @Override
    public void exit() {
        subImm(RSP, -numLocals * WORD);
        pop(R13);
        pop(R12);
        pop(RBX);
        pop(RBP);
        emit8(RET);
    }

    @Override
    public void jump(int label) {
        int dest = labelOffset(label);
        int rel = dest - codeOffset();
        if (dest != UNKNOWN && rel < 0 && signedFit8(rel - 2)) {
            // a backward jump: its size is known in every pass
            emit8(JMP_REL8);
            emit8(rel - 2);
        } else {
            // a forward jump is assumed long
            emit8(JMP_REL32);
            emit32(rel - 5);
        }
    }

    private void jcc(int cc, int label) {
        int dest = labelOffset(label);
        int rel = dest - codeOffset();
        if (dest != UNKNOWN && rel < 0 && signedFit8(rel - 2)) {
            emit8(JCC_REL8 | cc);
            emit8(rel - 2);
        } else {
            emit8(0x0f);
            emit8(0x80 | cc);
            emit32(rel - 6);
        }
    }

    private void testReg(int reg, boolean boolTest) {
        if (boolTest) {
            // asm_x64_test_r8_with_r8
            emit8(TEST_R8_WITH_RM8);
            emit8(modrmReg(reg) | MODRM_REG | modrmRm(reg));
        } else {
            rr64(reg, reg, TEST_R64_WITH_RM64);
        }
    }

    @Override
    public void jumpIfRegZero(int reg, int label, boolean boolTest) {
        testReg(reg, boolTest);
        jcc(CC_E, label);
    }

    @Override
    public void jumpIfRegNonzero(int reg, int label, boolean boolTest) {
        testReg(reg, boolTest);
        jcc(CC_NE, label);
    }

    @Override
    public void jumpIfRegEq(int reg1, int reg2, int label) {
        cmp(reg1, reg2);
        jcc(CC_E, label);
    }

    /** asm_x64_cmp_r64_with_r64: flags from b - a. */
    private void cmp(int a, int b) {
        rr64(b, a, CMP_R64_WITH_RM64);
    }

    @Override
    public void jumpReg(int reg) {
        emit8(JMP_CALL_RM64);
        emit8(modrmReg(4) | MODRM_REG | modrmRm(reg));
    }

    @Override
    public void callInd(int fun) {
        // the temporary is RAX
        loadRegRegOffset(RAX, RBP, fun);
        emit8(JMP_CALL_RM64);
        emit8(modrmReg(2) | MODRM_REG | modrmRm(RAX));
    }

    @Override
    public void movLocalReg(int local, int reg) {
        storeRegRegOffset(reg, RSP, local);
    }

    @Override
    public void movRegLocal(int reg, int local) {
        loadRegRegOffset(reg, RSP, local);
    }

    @Override
    public void movRegReg(int dest, int src) {
        rr64(dest, src, MOV_R64_TO_RM64);
    }

    @Override
    public void movRegImm(int reg, long imm) {
        if ((imm & 0xffffffff00000000L) == 0) {
            // mov r32, imm32 zero-extends: 5 bytes (6 with a REX prefix)
            if (reg < 8) {
                emit8(MOV_I64_TO_R64 | reg);
            } else {
                emit8(REX | REX_B);
                emit8(MOV_I64_TO_R64 | (reg & 7));
            }
            emit32((int) imm);
        } else {
            emit8(REX | REX_W | (reg < 8 ? 0 : REX_B));
            emit8(MOV_I64_TO_R64 | (reg & 7));
            emit64(imm);
        }
    }

    @Override
    public void movRegLocalAddr(int reg, int local) {
        int offset = local * WORD;
        if (offset == 0) {
            movRegReg(reg, RSP);
        } else {
            emit8(REX | REX_W | rexR(reg) | rexB(RSP));
            emit8(LEA_MEM_TO_R64);
            regDisp(reg, RSP, offset);
        }
    }

    @Override
    public void movRegPcrel(int reg, int label) {
        // lea reg, [rip + rel32]; rel is counted from the end of the 7-byte instruction
        int rel = labelOffset(label) - (codeOffset() + 7);
        emit8(REX | REX_W | rexR(reg));
        emit8(LEA_MEM_TO_R64);
        emit8(modrmReg(reg) | modrmRm(RBP));
        emit32(rel);
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
        rr64(reg, 2, NOT_NEG_RM64);
    }

    @Override
    public void negReg(int reg) {
        rr64(reg, 3, NOT_NEG_RM64);
    }

    @Override
    public void orRegReg(int dest, int src) {
        rr64(dest, src, OR_R64_TO_RM64);
    }

    @Override
    public void xorRegReg(int dest, int src) {
        rr64(dest, src, XOR_R64_TO_RM64);
    }

    @Override
    public void andRegReg(int dest, int src) {
        rr64(dest, src, AND_R64_TO_RM64);
    }

    @Override
    public void addRegReg(int dest, int src) {
        rr64(dest, src, ADD_R64_TO_RM64);
    }

    @Override
    public void subRegReg(int dest, int src) {
        rr64(dest, src, SUB_R64_FROM_RM64);
    }

    @Override
    public void mulRegReg(int dest, int src) {
        // imul r64, r/m64: 0x0f 0xaf /r, the destination in the reg field
        emit8(REX | REX_W | rexR(dest) | rexB(src));
        emit8(0x0f);
        emit8(0xaf);
        emit8(modrmReg(dest) | MODRM_REG | modrmRm(src));
    }

    @Override
    public int shiftCountReg() {
        return RCX;
    }

    @Override
    public void shiftByCountReg(Shift shift, int reg) {
        int ext = switch (shift) {
            case LEFT -> 4;
            case RIGHT_LOGICAL -> 5;
            case RIGHT_ARITHMETIC -> 7;
        };
        rr64(reg, ext, SHIFT_RM64_CL);
    }

    @Override
    public void compareToBool(BinaryOp op, boolean unsigned, int dest, int lhs, int rhs) {
        int cc = switch (op) {
            case LESS -> unsigned ? CC_B : CC_L;
            case MORE -> unsigned ? CC_A : CC_G;
            case EQUAL -> CC_E;
            case LESS_EQUAL -> unsigned ? CC_BE : CC_LE;
            case MORE_EQUAL -> unsigned ? CC_AE : CC_GE;
            case NOT_EQUAL -> CC_NE;
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        };
        xorRegReg(dest, dest);
        cmp(rhs, lhs);
        // setcc r8 (dest must be one of the four low registers)
        emit8(0x0f);
        emit8(0x90 | cc);
        emit8(MODRM_REG | modrmRm(dest));
    }

    @Override
    public void loadRegRegOffset(int dest, int base, int wordOffset) {
        emit8(REX | REX_W | rexR(dest) | rexB(base));
        emit8(MOV_RM64_TO_R64);
        regDisp(dest, base, wordOffset * WORD);
    }

    @Override
    public void storeRegRegOffset(int src, int base, int wordOffset) {
        emit8(REX | REX_W | rexR(src) | rexB(base));
        emit8(MOV_R64_TO_RM64);
        regDisp(src, base, wordOffset * WORD);
    }

    @Override
    public void loadOffset(Width width, int dest, int base, int index) {
        boolean low = dest < 8 && base < 8;
        int rex = REX | rexR(dest) | rexB(base);
        switch (width) {
            case BITS8, BITS16 -> {
                // movzx r64, r/m8 or r/m16
                if (!low) {
                    emit8(rex);
                }
                emit8(0x0f);
                emit8(width == Width.BITS8 ? MOVZX_RM8_TO_R64 : MOVZX_RM16_TO_R64);
                regDisp(dest, base, width == Width.BITS8 ? index : 2 * index);
            }
            case BITS32 -> {
                // mov r32, r/m32 zero-extends
                if (!low) {
                    emit8(rex);
                }
                emit8(MOV_RM64_TO_R64);
                regDisp(dest, base, 4 * index);
            }
        }
    }

    @Override
    public void storeOffset(Width width, int src, int base, int index) {
        boolean low = src < 8 && base < 8;
        int rex = REX | rexR(src) | rexB(base);
        switch (width) {
            case BITS8 -> {
                if (!low) {
                    emit8(rex);
                }
                emit8(MOV_R8_TO_RM8);
                regDisp(src, base, index);
            }
            case BITS16 -> {
                emit8(OP_SIZE_PREFIX);
                if (!low) {
                    emit8(rex);
                }
                emit8(MOV_R64_TO_RM64);
                regDisp(src, base, 2 * index);
            }
            case BITS32 -> {
                if (!low) {
                    emit8(rex);
                }
                emit8(MOV_R64_TO_RM64);
                regDisp(src, base, 4 * index);
            }
        }
    }

    @Override
    public boolean storeValueNeedsArg3() {
        return true;
    }
}
