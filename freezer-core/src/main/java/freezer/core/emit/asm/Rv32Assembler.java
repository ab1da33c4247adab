package freezer.core.emit.asm;

import freezer.core.bytecode.BinaryOp;

/**
 * RV32IMC machine code for the native emitter (py/asmrv32.c and the ASM_* macros of
 * py/asmrv32.h), with compressed instructions wherever upstream picks them, and the Zba
 * (indexed loads and stores by sh1add/sh2add) and Zcmp (cm.push/cm.popret frames) extensions
 * when {@code -march-flags} allows them.
 *
 * <p>Arguments arrive in a0..a3 and the result leaves in a0; s1 holds mp_fun_table and s2..s4
 * the emitter's locals. The frame saves the registers a function taints: s1..s4 always, ra and
 * s0 once a call has been emitted. As upstream keeps that set in the assembler, which lives for
 * the whole module, it only grows: a function after one that calls saves ra and s0 too, and a
 * function's first (stack-size) pass may lay out a smaller frame than its later passes.
 */
public final class Rv32Assembler extends Rv32Opcodes {
    /** -march-flags bits (asmrv32.h RV32_EXT_*). */
    public static final long EXT_ZBA = 1;
    public static final long EXT_ZCMP = 2;

    private static final int WORD = 4;
    private static final int HALFWORD = 2;

    /** s0: the register calls load their target into when c.lw reaches the table entry. */
    private static final int INTERNAL_TEMPORARY = S0;

    private static final NativeRegisters REGISTERS = new NativeRegisters(A0, A0, A1, A2, A3, T1, T2, T3,
            S3, S2, S4, S1, A0, A0, A1, A2, A3, ZERO);

    private final boolean zba;
    private final boolean zcmp;

    /** The registers the frame saves (bit n for xn); it only grows, as the note above says. */
    private int savedRegisters;
    private int localsCount;
    /** Bytes the prologue moved sp by; with Zcmp, the extra bytes beyond cm.push, or'ed with its 16-byte chunks. */
    private int stackSize;
    /** Where local 0 is, from sp (stays 0 in Zcmp frames, as upstream never sets it there). */
    private int localsStackOffset;

    public Rv32Assembler(int maxLabels, long archFlags) {
        super(maxLabels);
        this.zba = (archFlags & EXT_ZBA) != 0;
        this.zcmp = (archFlags & EXT_ZCMP) != 0;
    }

    /** Whether the Zba instructions may be used (and written in inline assembler). */
    public boolean allowsZba() {
        return zba;
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
        // s3 (emitnrv32.c NLR_BUF_IDX_LOCAL_1)
        return 6;
    }

    // Frames.

    @Override
    public void entry(int numLocals) {
        localsCount = numLocals;
        savedRegisters |= 1 << S1 | 1 << S3 | 1 << S2 | 1 << S4;
        if (zcmp) {
            pushFrame();
        } else {
            storeFrame();
        }
    }

    @Override
    public void exit() {
        if (zcmp) {
            // adjust_stack back over the extra locals, then cm.popret restores and returns
            adjustStack(stackSize & ~3);
            cmPopret(Math.min(3 + zcmpSequenceLength(), 15), stackSize & 3);
        } else {
            int offset = 0;
            for (int reg = 0; reg < 32; reg++) {
                if ((savedRegisters & 1 << reg) != 0) {
                    cLwsp(reg, offset);
                    offset += WORD;
                }
            }
            adjustStack(stackSize);
            cJr(RA);
        }
    }

    /** emit_function_prologue: sp down over the saved registers and the locals, registers stored from sp up. */
    private void storeFrame() {
        int count = Integer.bitCount(savedRegisters);
        stackSize = (count + localsCount) * WORD;
        adjustStack(-stackSize);
        int offset = 0;
        for (int reg = 0; reg < 32; reg++) {
            if ((savedRegisters & 1 << reg) != 0) {
                cSwsp(reg, offset);
                offset += WORD;
            }
        }
        localsStackOffset = count * WORD;
    }

    /**
     * emit_compressed_function_prologue: cm.push saves ra and s0..sN at the top of a 16-byte
     * aligned block and may grow it by up to three more 16-byte chunks for locals; the slack
     * words of the block and those chunks hold locals first, the rest goes below by an
     * ordinary stack adjustment.
     */
    private void pushFrame() {
        int sequence = zcmpSequenceLength();
        int tailSlack = ((sequence + 3) & -4) - sequence;
        int localsLeft = localsCount < tailSlack ? 0 : localsCount - tailSlack;
        int chunks = Math.min(3, localsLeft / 4);
        localsLeft -= chunks * 4;
        int extra = localsLeft * WORD;
        cmPush(Math.min(3 + sequence, 15), chunks);
        adjustStack(-extra);
        stackSize = extra | chunks;
    }

    /**
     * compute_zcmp_sequence_length: how many registers of Zcmp's fixed order (ra, s0, s1, ...
     * s11) the saved set reaches up to; s10 cannot go without s11.
     */
    private int zcmpSequenceLength() {
        int packed = (savedRegisters & 0x2) >> 1 | (savedRegisters & 0x300) >> 7 | (savedRegisters & 0x0ffc0000) >> 15;
        int length = 32 - Integer.numberOfLeadingZeros(packed);
        return length == 12 ? 13 : length;
    }

    /** adjust_stack: sp += bytes, by c.addi, addi, or a constant in REG_TEMP0 (t1). */
    private void adjustStack(int bytes) {
        if (bytes == 0) {
            return;
        }
        if (fitsSigned(bytes, 6)) {
            cAddi(SP, bytes);
        } else if (fitsSigned(bytes, 12)) {
            addi(SP, SP, bytes);
        } else {
            loadFullImmediate(T1, bytes);
            cAdd(SP, T1);
        }
    }

    // Jumps and calls.

    /**
     * calculate_displacement_for_label: from here to the label. Only a label already passed
     * (a backward jump) may take a short form; any other jump keeps its long form in every pass.
     */
    private int displacement(int label) {
        return labelOffset(label) - codeOffset();
    }

    private boolean isBackward(int label) {
        return labelOffset(label) != UNKNOWN && displacement(label) < 0;
    }

    /** auipc t3 and jalr zero: an unconditional jump anywhere (by {@code displacement} from the auipc). */
    private void farJump(int displacement) {
        auipc(T3, upperPart(displacement));
        jalr(ZERO, T3, lowerPart(displacement));
    }

    @Override
    public void jump(int label) {
        int d = displacement(label);
        if (isBackward(label) && fitsSigned(d, 12)) {
            cJ(d);
        } else {
            farJump(d);
        }
    }

    @Override
    public void jumpIfRegZero(int reg, int label, boolean boolTest) {
        jumpIfRegEq(reg, ZERO, label);
    }

    @Override
    public void jumpIfRegEq(int reg1, int reg2, int label) {
        int d = displacement(label);
        if (isBackward(label) && fitsSigned(d, 13)) {
            beq(reg1, reg2, d);
            return;
        }
        // bne over the far jump
        bne(reg1, reg2, 12);
        farJump(d - WORD);
    }

    @Override
    public void jumpIfRegNonzero(int reg, int label, boolean boolTest) {
        int d = displacement(label);
        boolean backward = isBackward(label);
        if (backward && fitsSigned(d, 8) && inCompressedWindow(reg)) {
            cBnez(compressed(reg), d);
            return;
        }
        if (backward && fitsSigned(d, 13)) {
            bne(reg, ZERO, d);
            return;
        }
        // a branch over the far jump: c.beqz where it reaches, else beq
        if (backward && inCompressedWindow(reg)) {
            cBeqz(compressed(reg), 10);
            d -= HALFWORD;
        } else {
            beq(reg, ZERO, 12);
            d -= WORD;
        }
        farJump(d);
    }

    @Override
    public void jumpReg(int reg) {
        cJr(reg);
    }

    @Override
    public void callInd(int fun) {
        int offset = fun * WORD;
        savedRegisters |= 1 << RA;
        if (inCompressedWindow(S1) && inCompressedWindow(INTERNAL_TEMPORARY) && fitsUnsigned(offset, 6)) {
            savedRegisters |= 1 << INTERNAL_TEMPORARY;
            cLw(compressed(INTERNAL_TEMPORARY), compressed(S1), offset);
            cJalr(INTERNAL_TEMPORARY);
        } else if (fitsUnsigned(offset, 11)) {
            lw(T3, S1, offset);
            cJalr(T3);
        } else {
            loadUpperImmediate(T3, upperPart(offset));
            cAdd(T3, S1);
            lw(T3, T3, lowerPart(offset));
            cJalr(T3);
        }
    }

    // Moves.

    private int localOffset(int local) {
        return localsStackOffset + local * WORD;
    }

    @Override
    public void movLocalReg(int local, int reg) {
        int offset = localOffset(local);
        if (fitsUnsigned(offset >> 2, 6)) {
            cSwsp(reg, offset);
        } else if (fitsUnsigned(offset, 11)) {
            sw(reg, SP, offset);
        } else {
            loadUpperImmediate(T3, upperPart(offset));
            cAdd(T3, SP);
            sw(reg, T3, lowerPart(offset));
        }
    }

    @Override
    public void movRegLocal(int reg, int local) {
        int offset = localOffset(local);
        if (fitsUnsigned(offset >> 2, 6)) {
            cLwsp(reg, offset);
        } else if (fitsUnsigned(offset, 11)) {
            lw(reg, SP, offset);
        } else {
            loadUpperImmediate(reg, upperPart(offset));
            cAdd(reg, SP);
            lw(reg, reg, lowerPart(offset));
        }
    }

    @Override
    public void movRegLocalAddr(int reg, int local) {
        int offset = localOffset(local);
        if (fitsUnsigned(offset, 10) && offset != 0 && inCompressedWindow(reg)) {
            cAddi4spn(compressed(reg), offset);
        } else if (fitsUnsigned(offset, 11)) {
            addi(reg, SP, offset);
        } else {
            loadFullImmediate(reg, offset);
            cAdd(reg, SP);
        }
    }

    @Override
    public void movRegImm(int reg, long imm) {
        loadImmediate(reg, (int) imm);
    }

    @Override
    public void movRegReg(int dest, int src) {
        cMv(dest, src);
    }

    @Override
    public void movRegPcrel(int reg, int label) {
        int d = displacement(label);
        auipc(reg, upperPart(d));
        addi(reg, reg, lowerPart(d));
    }

    @Override
    public void clrReg(int reg) {
        xorRegReg(reg, reg);
    }

    // Arithmetic.

    @Override
    public boolean hasNotReg() {
        return true;
    }

    @Override
    public void notReg(int reg) {
        xori(reg, reg, -1);
    }

    @Override
    public void negReg(int reg) {
        sub(reg, ZERO, reg);
    }

    @Override
    public void orRegReg(int dest, int src) {
        or(dest, dest, src);
    }

    /** asm_rv32_emit_optimised_xor: a register xor'ed with itself is c.li 0. */
    @Override
    public void xorRegReg(int dest, int src) {
        if (dest == src) {
            cLi(dest, 0);
        } else {
            xor(dest, dest, src);
        }
    }

    @Override
    public void andRegReg(int dest, int src) {
        // ASM_AND_REG_REG names the operands the other way round
        and(dest, src, dest);
    }

    @Override
    public void addRegReg(int dest, int src) {
        cAdd(dest, src);
    }

    @Override
    public void subRegReg(int dest, int src) {
        sub(dest, dest, src);
    }

    @Override
    public void mulRegReg(int dest, int src) {
        mul(dest, dest, src);
    }

    @Override
    public void shiftRegReg(Shift shift, int dest, int src) {
        switch (shift) {
            case LEFT -> sll(dest, dest, src);
            case RIGHT_LOGICAL -> srl(dest, dest, src);
            case RIGHT_ARITHMETIC -> sra(dest, dest, src);
        }
    }

    /** emitnative.c's N_RV32 comparisons: slt/sltu, with sub and sltiu/sltu for (in)equality. */
    @Override
    public void compareToBool(BinaryOp op, boolean unsigned, int dest, int lhs, int rhs) {
        switch (op) {
            case LESS -> setLess(lhs, rhs, dest, unsigned);
            case MORE -> setLess(rhs, lhs, dest, unsigned);
            case EQUAL -> {
                sub(dest, lhs, rhs);
                sltiu(dest, dest, 1);
            }
            case LESS_EQUAL -> setLessEqual(lhs, rhs, dest, unsigned);
            case MORE_EQUAL -> setLessEqual(rhs, lhs, dest, unsigned);
            case NOT_EQUAL -> {
                // upstream subtracts the other way round here
                sub(dest, rhs, lhs);
                sltu(dest, ZERO, dest);
            }
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        }
    }

    private void setLess(int rs1, int rs2, int rd, boolean unsigned) {
        if (unsigned) {
            sltu(rd, rs1, rs2);
        } else {
            slt(rd, rs1, rs2);
        }
    }

    private void setLessEqual(int rs1, int rs2, int rd, boolean unsigned) {
        setLess(rs2, rs1, rd, unsigned);
        xori(rd, rd, 1);
    }

    // Loads and stores.

    private static int sizeShift(Width width) {
        return switch (width) {
            case BITS8 -> 0;
            case BITS16 -> 1;
            case BITS32 -> 2;
        };
    }

    /** The funct3 of lbu, lhu, lw. */
    private static int loadFunct(Width width) {
        return switch (width) {
            case BITS8 -> 4;
            case BITS16 -> 5;
            case BITS32 -> 2;
        };
    }

    /** asm_rv32_emit_load_reg_reg_offset: c.lw, lbu/lhu/lw, or lui (c.lui) + c.add + the load. */
    @Override
    public void loadOffset(Width width, int dest, int base, int index) {
        int offset = index << sizeShift(width);
        if (offset >= 0 && width == Width.BITS32 && inCompressedWindow(dest) && inCompressedWindow(base)
                && fitsUnsigned(offset, 6)) {
            cLw(compressed(dest), compressed(base), offset);
        } else if (fitsSigned(offset, 12)) {
            word(Rv32Encoding.i(0x03, loadFunct(width), dest, base, offset));
        } else {
            loadUpperImmediate(dest, upperPart(offset));
            cAdd(dest, base);
            word(Rv32Encoding.i(0x03, loadFunct(width), dest, dest, lowerPart(offset)));
        }
    }

    /** asm_rv32_emit_store_reg_reg_offset: c.sw, sb/sh/sw, or through t3. */
    @Override
    public void storeOffset(Width width, int src, int base, int index) {
        int size = sizeShift(width);
        int offset = index << size;
        if (offset >= 0 && width == Width.BITS32 && inCompressedWindow(src) && inCompressedWindow(base)
                && fitsUnsigned(offset, 6)) {
            cSw(compressed(src), compressed(base), offset);
        } else if (fitsSigned(offset, 12)) {
            word(Rv32Encoding.s(0x23, size, base, src, offset));
        } else {
            loadUpperImmediate(T3, upperPart(offset));
            cAdd(T3, base);
            word(Rv32Encoding.s(0x23, size, T3, src, lowerPart(offset)));
        }
    }

    @Override
    public boolean hasLoadIndexed(Width width) {
        return true;
    }

    @Override
    public void loadIndexed(Width width, int dest, int base, int index) {
        scaledAddress(base, index, width);
        loadOffset(width, dest, T3, 0);
    }

    @Override
    public boolean hasStoreIndexed(Width width) {
        return true;
    }

    @Override
    public void storeIndexed(Width width, int src, int base, int index) {
        scaledAddress(base, index, width);
        storeOffset(width, src, T3, 0);
    }

    /** asm_rv32_fix_up_scaled_reg_reg_reg: t3 := base + (index scaled by the width), by shNadd with Zba. */
    private void scaledAddress(int base, int index, Width width) {
        int size = sizeShift(width);
        if (size > 0 && zba) {
            word(Rv32Encoding.r(0x33, 1 << size, 0x10, T3, index, base));
        } else if (size > 0) {
            slli(T3, index, size);
            cAdd(T3, base);
        } else {
            add(T3, base, index);
        }
    }
}
