package freezer.core.emit.asm;

import freezer.core.bytecode.BinaryOp;

/**
 * The instructions the native emitter needs from one instruction set: py/asm*.h's generic
 * assembler API (the ASM_* macros behind GENERIC_ASM_API), plus a few hooks where
 * py/emitnative.c asks for an architecture by name. {@link freezer.core.emit.NativeEmitter}
 * calls only these; a new architecture is a subclass that encodes them (see docs/native.md).
 *
 * <p>Registers are the assembler's own numbers (see {@link #registers()}). Offsets of locals
 * and of loads and stores are in words unless a method says otherwise; "local" slots are the
 * words of the function's stack frame that {@link #entry} reserves.
 */
public abstract class NativeAssembler extends AsmBase {
    /** The widths of viper's pointer loads and stores (ptr8, ptr16, ptr32). */
    public enum Width {
        BITS8, BITS16, BITS32
    }

    /** The shifts of viper integers. */
    public enum Shift {
        LEFT, RIGHT_LOGICAL, RIGHT_ARITHMETIC
    }

    protected NativeAssembler(int maxLabels) {
        super(maxLabels);
    }

    /** The registers this architecture gives the emitter's roles. */
    public abstract NativeRegisters registers();

    /** ASM_WORD_SIZE: bytes in a machine word (a pointer, an object). */
    public abstract int wordSize();

    /**
     * The word index of REG_LOCAL_1 in the saved registers of nlr_buf_t (the emitter's
     * NLR_BUF_IDX_LOCAL_1: where it keeps the current exception handler's address).
     */
    public abstract int nlrBufIndexOfLocal1();

    // Function entry and exit.

    /** ASM_ENTRY: saves what the calling convention asks and reserves {@code numLocals} words. */
    public abstract void entry(int numLocals);

    /** ASM_EXIT: undoes {@link #entry} and returns. */
    public abstract void exit();

    /** ASM_END_PASS: anything the assembler must write after the function (a literal pool). */
    public void endPass() {
    }

    /**
     * Whether a function's arguments arrive on the stack rather than in registers (x86); the
     * emitter then fetches them with {@link #movArgToReg} where upstream's emitnative.c has
     * {@code #if N_X86}.
     */
    public boolean argsOnStack() {
        return false;
    }

    /** asm_x86_mov_arg_to_r32: argument {@code arg} (from 0) into a register. */
    public void movArgToReg(int arg, int reg) {
        throw new UnsupportedOperationException("arguments arrive in registers");
    }

    /**
     * Whether nlr_push only saves the registers and a setjmp call follows it (emitnative.c's
     * N_NLR_SETJMP, the windowed Xtensa ABI).
     */
    public boolean nlrSetjmp() {
        return false;
    }

    // Jumps and calls.

    /** ASM_JUMP. */
    public abstract void jump(int label);

    /**
     * ASM_JUMP_IF_REG_ZERO; with {@code boolTest} only the low byte need be tested (the value
     * is a C bool).
     */
    public abstract void jumpIfRegZero(int reg, int label, boolean boolTest);

    /** ASM_JUMP_IF_REG_NONZERO. */
    public abstract void jumpIfRegNonzero(int reg, int label, boolean boolTest);

    /** ASM_JUMP_IF_REG_EQ. */
    public abstract void jumpIfRegEq(int reg1, int reg2, int label);

    /** ASM_JUMP_REG: jumps to the address in a register. */
    public abstract void jumpReg(int reg);

    /** ASM_CALL_IND: calls entry {@code fun} of mp_fun_table (see RuntimeFunction). */
    public abstract void callInd(int fun);

    /**
     * The call to mp_setup_code_state at a native function's entry; ARM and Thumb use a
     * long-branch form here (asm_arm_bl_ind, asm_thumb_bl_ind with r4).
     */
    public void callSetupCodeState(int fun) {
        callInd(fun);
    }

    // Moves.

    /** ASM_MOV_LOCAL_REG: stack-frame word {@code local} := register. */
    public abstract void movLocalReg(int local, int reg);

    /** ASM_MOV_REG_IMM: register := a constant (as upstream's host computes it, 64 bits). */
    public abstract void movRegImm(int reg, long imm);

    /** ASM_MOV_REG_LOCAL: register := stack-frame word {@code local}. */
    public abstract void movRegLocal(int reg, int local);

    /** ASM_MOV_REG_REG. */
    public abstract void movRegReg(int dest, int src);

    /** ASM_MOV_REG_LOCAL_ADDR: register := the address of stack-frame word {@code local}. */
    public abstract void movRegLocalAddr(int reg, int local);

    /** ASM_MOV_REG_PCREL: register := the address of a label. */
    public abstract void movRegPcrel(int reg, int label);

    /** ASM_CLR_REG: register := 0. */
    public abstract void clrReg(int reg);

    // Arithmetic.

    /** Whether ASM_NOT_REG exists; without it the emitter xors with -1. */
    public boolean hasNotReg() {
        return false;
    }

    /** ASM_NOT_REG. */
    public void notReg(int reg) {
        throw new UnsupportedOperationException("no ASM_NOT_REG");
    }

    /** ASM_NEG_REG. */
    public abstract void negReg(int reg);

    public abstract void orRegReg(int dest, int src);

    public abstract void xorRegReg(int dest, int src);

    public abstract void andRegReg(int dest, int src);

    public abstract void addRegReg(int dest, int src);

    public abstract void subRegReg(int dest, int src);

    public abstract void mulRegReg(int dest, int src);

    /**
     * The register a shift count must be in, or -1 when any register will do. x86 and x64 shift
     * by CL only: the emitter then moves the count there and calls {@link #shiftByCountReg}
     * (emitnative.c's {@code #if N_X64 || N_X86}); others get {@link #shiftRegReg}.
     */
    public int shiftCountReg() {
        return -1;
    }

    /** ASM_LSL_REG, ASM_LSR_REG, ASM_ASR_REG: shifts a register by the count register. */
    public void shiftByCountReg(Shift shift, int reg) {
        throw new UnsupportedOperationException("shifts take any register");
    }

    /** ASM_LSL_REG_REG, ASM_LSR_REG_REG, ASM_ASR_REG_REG: dest := dest shifted by src. */
    public void shiftRegReg(Shift shift, int dest, int src) {
        throw new UnsupportedOperationException("shifts take the count register");
    }

    /**
     * A viper comparison of two ints: {@code dest} := 1 if {@code lhs op rhs}, else 0, where op
     * is one of LESS, MORE, EQUAL, LESS_EQUAL, MORE_EQUAL, NOT_EQUAL, compared as unsigned or
     * signed ints (emitnative.c's per-architecture setcc code in emit_native_binary_op).
     * {@code dest} is REG_RET, {@code lhs} REG_ARG_2.
     */
    public abstract void compareToBool(BinaryOp op, boolean unsigned, int dest, int lhs, int rhs);

    // Loads and stores.

    /**
     * ASM_LOAD_REG_REG_OFFSET: dest := word {@code wordOffset} after the address in base (the
     * 32-bit offset load on every target but x86 and x64, which override it).
     */
    public void loadRegRegOffset(int dest, int base, int wordOffset) {
        loadOffset(Width.BITS32, dest, base, wordOffset);
    }

    /** ASM_STORE_REG_REG_OFFSET: word {@code wordOffset} after the address in base := src. */
    public void storeRegRegOffset(int src, int base, int wordOffset) {
        storeOffset(Width.BITS32, src, base, wordOffset);
    }

    /** ASM_LOAD8_REG_REG, ASM_LOAD16_REG_REG, ASM_LOAD32_REG_REG: dest := the value at base, zero-extended. */
    public void load(Width width, int dest, int base) {
        loadOffset(width, dest, base, 0);
    }

    /** ASM_STORE8_REG_REG ...: the value at base := the low bits of src. */
    public void store(Width width, int src, int base) {
        storeOffset(width, src, base, 0);
    }

    /** ASM_LOADn_REG_REG_OFFSET (every target of v1.28.0 has them): dest := element {@code index} (of this width) after base. */
    public abstract void loadOffset(Width width, int dest, int base, int index);

    /** ASM_STOREn_REG_REG_OFFSET: element {@code index} after base := src. */
    public abstract void storeOffset(Width width, int src, int base, int index);

    /** Whether ASM_LOADn_REG_REG_REG (an indexed load) exists for this width. */
    public boolean hasLoadIndexed(Width width) {
        return false;
    }

    /** ASM_LOADn_REG_REG_REG: dest := element number {@code index} (a register) after base. */
    public void loadIndexed(Width width, int dest, int base, int index) {
        throw new UnsupportedOperationException("no indexed load of " + width);
    }

    /** Whether ASM_STOREn_REG_REG_REG exists for this width. */
    public boolean hasStoreIndexed(Width width) {
        return false;
    }

    /** ASM_STOREn_REG_REG_REG. */
    public void storeIndexed(Width width, int src, int base, int index) {
        throw new UnsupportedOperationException("no indexed store of " + width);
    }

    /**
     * Whether a value stored through a viper pointer must be in REG_ARG_3 (x86 and x64: byte
     * stores need one of the four low registers), rather than wherever it happens to be.
     */
    public boolean storeValueNeedsArg3() {
        return false;
    }
}
