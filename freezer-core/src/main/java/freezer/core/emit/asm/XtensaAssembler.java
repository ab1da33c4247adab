package freezer.core.emit.asm;

import freezer.core.ErrorType;
import freezer.core.bytecode.BinaryOp;
import freezer.core.emit.EmitException;
import java.util.Arrays;

/**
 * Xtensa machine code for the native emitter (py/asmxtensa.c and the ASM_* macros of
 * py/asmxtensa.h), in either of its two calling conventions:
 *
 * <ul>
 *   <li>{@code xtensa}, the call0 ABI: arguments in a2..a5 and the result in a2; the frame
 *       saves a0 and a12..a15 below the locals; a12..a14 hold the emitter's locals and a15
 *       mp_fun_table; calls go through a0 with callx0.
 *   <li>{@code xtensawin}, the windowed ABI: {@code entry} rotates the register window, so the
 *       function's own arguments and result are in a2..a5 while the ones it passes on are in
 *       a10..a13 (callx8 through a8); a4..a6 hold locals and a7 mp_fun_table.
 * </ul>
 *
 * <p>Constants that fit neither movi.n nor movi go to a literal table at the start of the
 * function, loaded with l32r: the entry jumps over one padding byte and the table. The table
 * has as many words as the previous pass used; as upstream keeps the count in the assembler,
 * which lives for the whole module, a function's first (stack-size) pass lays out the table of
 * the function before it, which does not matter as that pass's code is thrown away.
 *
 * <p>Branches to a label not yet passed take their long form: the inverted branch over a
 * {@code j}.
 */
public final class XtensaAssembler extends XtensaOpcodes {
    private static final int WORD = 4;

    private static final NativeRegisters CALL0 = NativeRegisters.of(A2, A2, A3, A4, A5, A2, A3, A4, A12, A13,
            A14, A15);
    private static final NativeRegisters WINDOWED = new NativeRegisters(A10, A10, A11, A12, A13, A10, A11, A12,
            A4, A5, A6, A7, A2, A2, A3, A4, A5, -1);

    private final boolean windowed;
    /**
     * asmxtensa.c REG_TEMP, the scratch register of far stores: a6 in both ABIs, as asmxtensa.c
     * is compiled without N_XTENSAWIN (the windowed a12 it names is never selected).
     */
    private static final int TEMP = A6;
    /** ASM_NUM_REGS_SAVED: the words below the locals. */
    private final int numRegsSaved;

    private int curConst;
    private int numConst;
    /** Where this pass's literal table starts, or -1 when it has none. */
    private int constTableOffset = -1;
    private int[] constValues = new int[8];
    private int stackAdjust;

    public XtensaAssembler(int maxLabels, boolean windowed) {
        super(maxLabels);
        this.windowed = windowed;
        this.numRegsSaved = windowed ? 1 : 5;
    }

    public boolean windowed() {
        return windowed;
    }

    @Override
    public NativeRegisters registers() {
        return windowed ? WINDOWED : CALL0;
    }

    @Override
    public int wordSize() {
        return WORD;
    }

    @Override
    public int nlrBufIndexOfLocal1() {
        // a4 after the two link words (windowed), else a12 (emitnxtensa*.c)
        return windowed ? 2 + 4 : 8;
    }

    @Override
    public boolean nlrSetjmp() {
        return windowed;
    }

    @Override
    public void startPass(Pass p) {
        super.startPass(p);
        constTableOffset = -1;
    }

    @Override
    public void endPass() {
        numConst = curConst;
        curConst = 0;
    }

    /** The code of the EMIT pass with the literal table filled in. */
    @Override
    public byte[] code() {
        byte[] code = super.code();
        if (constTableOffset >= 0) {
            for (int i = 0; i < numConst && constTableOffset + 4 * i + 4 <= code.length; i++) {
                for (int b = 0; b < 4; b++) {
                    code[constTableOffset + 4 * i + b] = (byte) (constValues[i] >> (8 * b));
                }
            }
        }
        return code;
    }

    // Frames.

    /** The jump over the padding byte and the literal table, when the function has literals. */
    private void constTable() {
        if (numConst > 0) {
            j(numConst * WORD);
            emit8(0);
            constTableOffset = codeOffset();
            for (int i = 0; i < numConst; i++) {
                emit32(0);
            }
        }
    }

    @Override
    public void entry(int numLocals) {
        constTable();
        if (windowed) {
            stackAdjust = 32 + (((1 + numLocals) * WORD + 15) & ~15);
            entryOp(A1, stackAdjust);
            s32iN(A0, A1, 0);
            return;
        }
        // a0, a12..a15 and the locals, 16-byte aligned
        stackAdjust = ((5 + numLocals) * WORD + 15) & ~15;
        if (fitsSigned(-stackAdjust, 8)) {
            addi(A1, A1, -stackAdjust);
        } else {
            movi(A9, stackAdjust);
            sub(A1, A1, A9);
        }
        s32iN(A0, A1, 0);
        for (int i = 1; i < 5; i++) {
            s32iN(A11 + i, A1, i);
        }
    }

    @Override
    public void exit() {
        if (windowed) {
            l32iN(A0, A1, 0);
            retwN();
            return;
        }
        for (int i = 4; i >= 1; i--) {
            l32iN(A11 + i, A1, i);
        }
        l32iN(A0, A1, 0);
        if (fitsSigned(stackAdjust, 8)) {
            addi(A1, A1, stackAdjust);
        } else {
            movi(A9, stackAdjust);
            addN(A1, A1, A9);
        }
        retN();
    }

    // Jumps and calls.

    /** From the instruction here to a label, as branches count it (from 4 bytes on). */
    private int displacement(int label) {
        return labelOffset(label) - codeOffset() - 4;
    }

    private boolean isBackward(int label) {
        return labelOffset(label) != UNKNOWN && displacement(label) < 0;
    }

    @Override
    public void jump(int label) {
        j(displacement(label));
    }

    /** asm_xtensa_bccz_reg_label. */
    public void bcczLabel(int cond, int reg, int label) {
        int rel = displacement(label);
        if (isBackward(label) && fitsSigned(rel, 12)) {
            bccz(cond, reg, rel);
            return;
        }
        checkFar(rel, "bccz");
        bccz(cond ^ 1, reg, 6 - 4);
        j(rel - 3);
    }

    /** asm_xtensa_bcc_reg_reg_label. */
    public void bccLabel(int cond, int reg1, int reg2, int label) {
        int rel = displacement(label);
        if (isBackward(label) && fitsSigned(rel, 8)) {
            bcc(cond, reg1, reg2, rel);
            return;
        }
        checkFar(rel, "bcc");
        bcc(cond ^ 8, reg1, reg2, 6 - 4);
        j(rel - 3);
    }

    /** The long form reaches 18 bits from the j after the inverted branch. */
    private void checkFar(int rel, String what) {
        if (pass() == Pass.EMIT && !fitsSigned(rel - 6, 18)) {
            throw outOfRange(what);
        }
    }

    public static EmitException outOfRange(String what) {
        return EmitException.raised(ErrorType.RuntimeError, "ERROR: xtensa " + what + " out of range");
    }

    public static EmitException notAligned(String what, String which) {
        return EmitException.raised(ErrorType.RuntimeError, "ERROR: " + what + " " + which + " not word-aligned");
    }

    @Override
    public void jumpIfRegZero(int reg, int label, boolean boolTest) {
        bcczLabel(CCZ_EQ, reg, label);
    }

    @Override
    public void jumpIfRegNonzero(int reg, int label, boolean boolTest) {
        bcczLabel(CCZ_NE, reg, label);
    }

    @Override
    public void jumpIfRegEq(int reg1, int reg2, int label) {
        bccLabel(CC_EQ, reg1, reg2, label);
    }

    @Override
    public void jumpReg(int reg) {
        jx(reg);
    }

    @Override
    public void callInd(int fun) {
        if (windowed) {
            l32iOptimised(A8, A7, fun);
            callx8(A8);
        } else {
            l32iOptimised(A0, A15, fun);
            callx0(A0);
        }
    }

    /** asm_xtensa_l32i_optimised: the narrow form, the wide one, or the address computed. */
    private void l32iOptimised(int dest, int base, int wordOffset) {
        if (wordOffset < 16) {
            l32iN(dest, base, wordOffset);
        } else if (wordOffset < 256) {
            l32i(dest, base, wordOffset);
        } else {
            movRegImm32(dest, wordOffset * 4);
            addN(dest, base, dest);
            l32iN(dest, dest, 0);
        }
    }

    /** asm_xtensa_bit_branch: bbci/bbsi on one bit (inline assembler). */
    public void bitBranch(int reg, int bit, int label, int condition) {
        int rel = displacement(label);
        if (pass() == Pass.EMIT && !fitsSigned(rel, 8)) {
            throw outOfRange("bit_branch");
        }
        op24(rri8(7, condition | ((bit >> 4) & 1), reg, bit & 0xf, rel & 0xff));
    }

    /** asm_xtensa_call0: call0 to a label, which must be word-aligned (inline assembler). */
    public void call0(int label) {
        int dest = labelOffset(label);
        int rel = dest - codeOffset() - 3;
        if (pass() == Pass.EMIT) {
            if ((dest & 3) != 0) {
                throw notAligned("call0", "target");
            }
            if ((rel & 3) != 0) {
                throw notAligned("call0", "location");
            }
            if (!fitsSigned(rel, 18)) {
                throw outOfRange("call0");
            }
        }
        call0Op(rel);
    }

    /** asm_xtensa_l32r: loads the word at a label before this instruction (inline assembler). */
    public void l32r(int reg, int label) {
        int dest = labelOffset(label);
        int rel = dest - codeOffset();
        if (pass() == Pass.EMIT) {
            if ((dest & 3) != 0) {
                throw notAligned("l32r", "target");
            }
            if ((rel & 3) != 0) {
                throw notAligned("l32r", "location");
            }
            if (!fitsSigned(rel, 18) || rel >= 0) {
                throw outOfRange("l32r");
            }
        }
        l32rOp(reg, codeOffset(), dest);
    }

    // Moves.

    /** asm_xtensa_mov_reg_i32: l32r from the next slot of the literal table. */
    public void movRegI32(int reg, int value) {
        int loc = constTableOffset + curConst * WORD;
        l32rOp(reg, codeOffset(), loc);
        if (pass() == Pass.EMIT) {
            if (constTableOffset < 0) {
                throw EmitException.abort("a constant beyond the literal table");
            }
            if (curConst >= constValues.length) {
                constValues = Arrays.copyOf(constValues, constValues.length * 2 + curConst);
            }
            constValues[curConst] = value;
        }
        curConst++;
    }

    /** asm_xtensa_mov_reg_i32_optimised. */
    private void movRegImm32(int reg, int value) {
        if (value >= -32 && value <= 95) {
            moviN(reg, value);
        } else if (fitsSigned(value, 12)) {
            movi(reg, value);
        } else {
            movRegI32(reg, value);
        }
    }

    @Override
    public void movRegImm(int reg, long imm) {
        movRegImm32(reg, (int) imm);
    }

    @Override
    public void movLocalReg(int local, int reg) {
        s32i(reg, A1, numRegsSaved + local);
    }

    @Override
    public void movRegLocal(int reg, int local) {
        l32i(reg, A1, numRegsSaved + local);
    }

    @Override
    public void movRegReg(int dest, int src) {
        movN(dest, src);
    }

    @Override
    public void movRegLocalAddr(int reg, int local) {
        int off = (numRegsSaved + local) * WORD;
        if (fitsSigned(off, 8)) {
            addi(reg, A1, off);
        } else {
            movi(reg, off);
            addN(reg, reg, A1);
        }
    }

    @Override
    public void movRegPcrel(int reg, int label) {
        // movi of the distance from the a0 call0 leaves, then add a0: call0 writes pc+3 and
        // its target must be word-aligned, so padding may follow
        int rel = labelOffset(label) - codeOffset() - (3 + 3);
        movi(reg, rel);
        int off = codeOffset() >> 1 & 1;
        int pad = (5 - codeOffset()) & 3;
        call0Op(off);
        for (int i = 0; i < pad; i++) {
            emit8(0);
        }
        addN(reg, reg, A0);
    }

    @Override
    public void clrReg(int reg) {
        moviN(reg, 0);
    }

    // Arithmetic.

    @Override
    public void negReg(int reg) {
        neg(reg, reg);
    }

    @Override
    public void orRegReg(int dest, int src) {
        or(dest, dest, src);
    }

    @Override
    public void xorRegReg(int dest, int src) {
        xor(dest, dest, src);
    }

    @Override
    public void andRegReg(int dest, int src) {
        and(dest, dest, src);
    }

    @Override
    public void addRegReg(int dest, int src) {
        addN(dest, dest, src);
    }

    @Override
    public void subRegReg(int dest, int src) {
        sub(dest, dest, src);
    }

    @Override
    public void mulRegReg(int dest, int src) {
        mull(dest, dest, src);
    }

    @Override
    public void shiftRegReg(Shift shift, int dest, int src) {
        switch (shift) {
            case LEFT -> {
                ssl(src);
                sll(dest, dest);
            }
            case RIGHT_LOGICAL -> {
                ssr(src);
                srl(dest, dest);
            }
            case RIGHT_ARITHMETIC -> {
                ssr(src);
                sra(dest, dest);
            }
        }
    }

    @Override
    public void compareToBool(BinaryOp op, boolean unsigned, int dest, int lhs, int rhs) {
        // more and less-or-equal swap the operands of less and greater-or-equal
        switch (op) {
            case LESS -> setcc(unsigned ? CC_LTU : CC_LT, dest, lhs, rhs);
            case MORE -> setcc(unsigned ? CC_LTU : CC_LT, dest, rhs, lhs);
            case EQUAL -> setcc(CC_EQ, dest, lhs, rhs);
            case LESS_EQUAL -> setcc(unsigned ? CC_GEU : CC_GE, dest, rhs, lhs);
            case MORE_EQUAL -> setcc(unsigned ? CC_GEU : CC_GE, dest, lhs, rhs);
            case NOT_EQUAL -> setcc(CC_NE, dest, lhs, rhs);
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        }
    }

    /** asm_xtensa_setcc_reg_reg_reg: 1, a branch over the 0 if the condition holds, 0. */
    private void setcc(int cond, int dest, int src1, int src2) {
        moviN(dest, 1);
        bcc(cond, src1, src2, 1);
        moviN(dest, 0);
    }

    // Loads and stores.

    private static int sizeCode(Width width) {
        return switch (width) {
            case BITS8 -> 0;
            case BITS16 -> 1;
            case BITS32 -> 2;
        };
    }

    /** asm_xtensa_load_reg_reg_offset (offsets compared unsigned). */
    @Override
    public void loadOffset(Width width, int dest, int base, int offset) {
        int size = sizeCode(width);
        if (size == 2 && Integer.compareUnsigned(offset, 16) < 0) {
            l32iN(dest, base, offset);
        } else if (Integer.compareUnsigned(offset, 256) < 0) {
            op24(rri8(2, size, base, dest, offset));
        } else {
            movRegImm32(dest, offset << size);
            addN(dest, base, dest);
            if (size == 2) {
                l32iN(dest, dest, 0);
            } else {
                op24(rri8(2, size, dest, dest, 0));
            }
        }
    }

    /** asm_xtensa_store_reg_reg_offset: far offsets go through the assembler's scratch register. */
    @Override
    public void storeOffset(Width width, int src, int base, int offset) {
        int size = sizeCode(width);
        if (size == 2 && Integer.compareUnsigned(offset, 16) < 0) {
            s32iN(src, base, offset);
        } else if (Integer.compareUnsigned(offset, 256) < 0) {
            op24(rri8(2, 4 | size, base, src, offset));
        } else {
            movRegImm32(TEMP, offset << size);
            addN(TEMP, base, TEMP);
            if (size == 2) {
                s32iN(src, TEMP, 0);
            } else {
                op24(rri8(2, 4 | size, TEMP, src, 0));
            }
        }
    }

    @Override
    public boolean hasLoadIndexed(Width width) {
        return true;
    }

    /** ASM_LOADn_REG_REG_REG: base := base plus the scaled index, then the load. */
    @Override
    public void loadIndexed(Width width, int dest, int base, int index) {
        switch (width) {
            case BITS8 -> {
                addN(base, index, base);
                l8ui(dest, base, 0);
            }
            case BITS16 -> {
                addx2(base, index, base);
                l16ui(dest, base, 0);
            }
            case BITS32 -> {
                addx4(base, index, base);
                l32iN(dest, base, 0);
            }
        }
    }

    @Override
    public boolean hasStoreIndexed(Width width) {
        return true;
    }

    @Override
    public void storeIndexed(Width width, int src, int base, int index) {
        switch (width) {
            case BITS8 -> {
                addN(base, index, base);
                s8i(src, base, 0);
            }
            case BITS16 -> {
                addx2(base, index, base);
                s16i(src, base, 0);
            }
            case BITS32 -> {
                addx4(base, index, base);
                s32iN(src, base, 0);
            }
        }
    }
}
