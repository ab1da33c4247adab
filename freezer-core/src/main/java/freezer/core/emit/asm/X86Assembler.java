package freezer.core.emit.asm;

import freezer.core.bytecode.BinaryOp;
import freezer.core.emit.RuntimeFunction;

/**
 * 32-bit x86 machine code (py/asmx86.c) for the native emitter, cdecl calling convention:
 * arguments on the stack (the emitter keeps them in EAX, ECX, EDX, EBX until a call pushes
 * them), result in EAX, EBX, ESI, EDI, EBP callee-saved. The frame is four pushed registers
 * plus a number of words that is 3 mod 4, so calls see a 16-byte aligned stack; locals and the
 * function's own arguments are addressed from ESP.
 */
public final class X86Assembler extends NativeAssembler {
    static final int EAX = 0;
    static final int ECX = 1;
    static final int EDX = 2;
    static final int EBX = 3;
    static final int ESP = 4;
    static final int EBP = 5;
    static final int ESI = 6;
    static final int EDI = 7;

    private static final int WORD = 4;

    /** The registers that hold a call's arguments until it pushes them (ASM_X86_REG_ARG_1..4). */
    private static final int[] ARG_REGS = {EAX, ECX, EDX, EBX};

    /** EBP holds mp_fun_table (ASM_X86_REG_FUN_TABLE). */
    private static final NativeRegisters REGISTERS = NativeRegisters.of(EAX, EAX, ECX, EDX, EBX, EAX, ECX, EDX,
            EBX, ESI, EDI, EBP);

    // condition codes (the low nibble of jcc and setcc)
    private static final int CC_B = 0x2;
    private static final int CC_AE = 0x3;
    private static final int CC_E = 0x4;
    private static final int CC_NE = 0x5;
    private static final int CC_BE = 0x6;
    private static final int CC_A = 0x7;
    private static final int CC_L = 0xc;
    private static final int CC_GE = 0xd;
    private static final int CC_LE = 0xe;
    private static final int CC_G = 0xf;

    // opcodes (asmx86.c OPCODE_*)
    private static final int PUSH_R32 = 0x50;
    private static final int POP_R32 = 0x58;
    private static final int RET = 0xc3;
    private static final int MOV_I32_TO_R32 = 0xb8;
    private static final int MOV_R8_TO_RM8 = 0x88;
    private static final int MOV_R32_TO_RM32 = 0x89;
    private static final int MOV_RM32_TO_R32 = 0x8b;
    private static final int MOVZX_RM8_TO_R32 = 0xb6;
    private static final int MOVZX_RM16_TO_R32 = 0xb7;
    private static final int LEA_MEM_TO_R32 = 0x8d;
    private static final int NOT_NEG_RM32 = 0xf7;
    private static final int AND_R32_TO_RM32 = 0x21;
    private static final int OR_R32_TO_RM32 = 0x09;
    private static final int XOR_R32_TO_RM32 = 0x31;
    private static final int ADD_R32_TO_RM32 = 0x01;
    private static final int ARITH_I32_TO_RM32 = 0x81;
    private static final int ARITH_I8_TO_RM32 = 0x83;
    private static final int SUB_R32_FROM_RM32 = 0x29;
    private static final int SHIFT_RM32_CL = 0xd3;
    private static final int CMP_R32_WITH_RM32 = 0x39;
    private static final int TEST_R8_WITH_RM8 = 0x84;
    private static final int TEST_R32_WITH_RM32 = 0x85;
    private static final int JMP_REL8 = 0xeb;
    private static final int JMP_REL32 = 0xe9;
    private static final int JMP_CALL_RM32 = 0xff;
    private static final int JCC_REL8 = 0x70;
    private static final int CALL_REL32 = 0xe8;
    private static final int OP_SIZE_PREFIX = 0x66;

    private static final int MODRM_DISP0 = 0x00;
    private static final int MODRM_DISP8 = 0x40;
    private static final int MODRM_DISP32 = 0x80;
    private static final int MODRM_REG = 0xc0;

    private int numLocals;

    public X86Assembler(int maxLabels) {
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
        // ebx, the sixth word of nlr_buf_t
        return 5;
    }

    /** asmx86.c SIGNED_FIT8. */
    private static boolean signedFit8(int x) {
        int low = x & 0xffffff80;
        return low == 0 || low == 0xffffff80;
    }

    /** A register and a memory operand [base + disp]: ModRM, SIB for ESP, displacement. */
    private void regDisp(int r, int base, int disp) {
        int mod;
        if (disp == 0 && base != EBP) {
            mod = MODRM_DISP0;
        } else if (signedFit8(disp)) {
            mod = MODRM_DISP8;
        } else {
            mod = MODRM_DISP32;
        }
        emit8(r << 3 | mod | base);
        if (base == ESP) {
            emit8(0x24);
        }
        if (mod == MODRM_DISP8) {
            emit8(disp);
        } else if (mod == MODRM_DISP32) {
            emit32(disp);
        }
    }

    /** An operation between two registers: the opcode and ModRM (src in reg, dest in r/m). */
    private void rr32(int dest, int src, int op) {
        emit8(op);
        emit8(src << 3 | MODRM_REG | dest);
    }

    /** asm_x86_sub_r32_i32 and asm_x86_add_i32_to_r32: {@code ext} 5 subtracts, 0 adds. */
    private void arithImm(int ext, int dest, int imm) {
        if (signedFit8(imm)) {
            emit8(ARITH_I8_TO_RM32);
            emit8(ext << 3 | MODRM_REG | dest);
            emit8(imm);
        } else {
            emit8(ARITH_I32_TO_RM32);
            emit8(ext << 3 | MODRM_REG | dest);
            emit32(imm);
        }
    }

    @Override
    public void entry(int locals) {
        emit8(PUSH_R32 | EBP);
        emit8(PUSH_R32 | EBX);
        emit8(PUSH_R32 | ESI);
        emit8(PUSH_R32 | EDI);
        // four pushed words, the return address, and 3 mod 4 more keep calls 16-byte aligned
        locals |= 3;
        arithImm(5, ESP, locals * WORD);
        numLocals = locals;
    }

    @Override
    public void exit() {
        arithImm(5, ESP, -numLocals * WORD);
        emit8(POP_R32 | EDI);
        emit8(POP_R32 | ESI);
        emit8(POP_R32 | EBX);
        emit8(POP_R32 | EBP);
        emit8(RET);
    }

    @Override
    public boolean argsOnStack() {
        return true;
    }

    @Override
    public void movArgToReg(int arg, int reg) {
        // above the locals, the four saved registers and the return address
        load32(reg, ESP, (numLocals + 4 + 1 + arg) * WORD);
    }

    @Override
    public void jump(int label) {
        int dest = labelOffset(label);
        int rel = dest - codeOffset();
        if (dest != UNKNOWN && rel < 0 && signedFit8(rel - 2)) {
            emit8(JMP_REL8);
            emit8(rel - 2);
        } else {
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
            emit8(TEST_R8_WITH_RM8);
            emit8(reg << 3 | MODRM_REG | reg);
        } else {
            rr32(reg, reg, TEST_R32_WITH_RM32);
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

    /** asm_x86_cmp_r32_with_r32: flags from b - a. */
    private void cmp(int a, int b) {
        rr32(b, a, CMP_R32_WITH_RM32);
    }

    @Override
    public void jumpReg(int reg) {
        emit8(JMP_CALL_RM32);
        emit8(4 << 3 | MODRM_REG | reg);
    }

    /**
     * asm_x86_call_ind: pushes the arguments the function takes (padding the stack to 16
     * bytes), calls through the table with EAX, and pops them again.
     */
    @Override
    public void callInd(int fun) {
        int nArgs = RuntimeFunction.ofIndex(fun).argCount();
        int align = ((nArgs + 3) & ~3) - nArgs;
        if (align != 0) {
            arithImm(5, ESP, align * WORD);
        }
        for (int i = nArgs - 1; i >= 0; i--) {
            emit8(PUSH_R32 | ARG_REGS[i]);
        }
        load32(EAX, EBP, fun * WORD);
        emit8(JMP_CALL_RM32);
        emit8(2 << 3 | MODRM_REG | EAX);
        if (nArgs > 0) {
            arithImm(0, ESP, (nArgs + align) * WORD);
        }
    }

    @Override
    public void movLocalReg(int local, int reg) {
        store32(reg, ESP, local * WORD);
    }

    @Override
    public void movRegLocal(int reg, int local) {
        load32(reg, ESP, local * WORD);
    }

    @Override
    public void movRegReg(int dest, int src) {
        rr32(dest, src, MOV_R32_TO_RM32);
    }

    @Override
    public void movRegImm(int reg, long imm) {
        // asm_x86_mov_i32_to_r32 takes the low 32 bits of upstream's 64-bit value
        emit8(MOV_I32_TO_R32 | reg);
        emit32((int) imm);
    }

    @Override
    public void movRegLocalAddr(int reg, int local) {
        int offset = local * WORD;
        if (offset == 0) {
            movRegReg(reg, ESP);
        } else {
            emit8(LEA_MEM_TO_R32);
            regDisp(reg, ESP, offset);
        }
    }

    @Override
    public void movRegPcrel(int reg, int label) {
        // call the next instruction, pop its address, add the distance to the label
        emit8(CALL_REL32);
        emit32(0);
        int rel = labelOffset(label) - codeOffset();
        emit8(POP_R32 | reg);
        emit8(ARITH_I32_TO_RM32);
        emit8(MODRM_REG | reg);
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
        rr32(reg, 2, NOT_NEG_RM32);
    }

    @Override
    public void negReg(int reg) {
        rr32(reg, 3, NOT_NEG_RM32);
    }

    @Override
    public void orRegReg(int dest, int src) {
        rr32(dest, src, OR_R32_TO_RM32);
    }

    @Override
    public void xorRegReg(int dest, int src) {
        rr32(dest, src, XOR_R32_TO_RM32);
    }

    @Override
    public void andRegReg(int dest, int src) {
        rr32(dest, src, AND_R32_TO_RM32);
    }

    @Override
    public void addRegReg(int dest, int src) {
        rr32(dest, src, ADD_R32_TO_RM32);
    }

    @Override
    public void subRegReg(int dest, int src) {
        rr32(dest, src, SUB_R32_FROM_RM32);
    }

    @Override
    public void mulRegReg(int dest, int src) {
        emit8(0x0f);
        emit8(0xaf);
        emit8(dest << 3 | MODRM_REG | src);
    }

    @Override
    public int shiftCountReg() {
        return ECX;
    }

    @Override
    public void shiftByCountReg(Shift shift, int reg) {
        int ext = switch (shift) {
            case LEFT -> 4;
            case RIGHT_LOGICAL -> 5;
            case RIGHT_ARITHMETIC -> 7;
        };
        rr32(reg, ext, SHIFT_RM32_CL);
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
        emit8(0x0f);
        emit8(0x90 | cc);
        emit8(MODRM_REG | dest);
    }

    private void load32(int dest, int base, int disp) {
        emit8(MOV_RM32_TO_R32);
        regDisp(dest, base, disp);
    }

    private void store32(int src, int base, int disp) {
        emit8(MOV_R32_TO_RM32);
        regDisp(src, base, disp);
    }

    @Override
    public void loadRegRegOffset(int dest, int base, int wordOffset) {
        load32(dest, base, wordOffset * WORD);
    }

    @Override
    public void storeRegRegOffset(int src, int base, int wordOffset) {
        store32(src, base, wordOffset * WORD);
    }

    @Override
    public void loadOffset(Width width, int dest, int base, int index) {
        switch (width) {
            case BITS8 -> {
                emit8(0x0f);
                emit8(MOVZX_RM8_TO_R32);
                regDisp(dest, base, index);
            }
            case BITS16 -> {
                emit8(0x0f);
                emit8(MOVZX_RM16_TO_R32);
                regDisp(dest, base, 2 * index);
            }
            case BITS32 -> load32(dest, base, 4 * index);
        }
    }

    @Override
    public void storeOffset(Width width, int src, int base, int index) {
        switch (width) {
            case BITS8 -> {
                emit8(MOV_R8_TO_RM8);
                regDisp(src, base, index);
            }
            case BITS16 -> {
                emit8(OP_SIZE_PREFIX);
                emit8(MOV_R32_TO_RM32);
                regDisp(src, base, 2 * index);
            }
            case BITS32 -> store32(src, base, 4 * index);
        }
    }

    @Override
    public boolean storeValueNeedsArg3() {
        return true;
    }
}
