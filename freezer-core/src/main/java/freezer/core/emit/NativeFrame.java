package freezer.core.emit;

import freezer.core.ErrorType;
import freezer.core.compile.Scope;
import freezer.core.emit.asm.NativeAssembler;
import freezer.core.emit.asm.NativeRegisters;
import freezer.core.parse.ConstValue;
import java.util.function.IntSupplier;

/**
 * The state the native emitter and its helpers share, and the frame they work in
 * (emitnative.c's emit_t and its LOCAL_IDX_* slots): where each word of a function's frame
 * is, which registers hold what, how values move between registers, the frame and a
 * generator's state, and how the runtime is called.
 *
 * <p>Frame layout, in words from the stack pointer: an nlr_buf_t, the return value and
 * exception-unwind slot when the function needs the global exception handler; then the code
 * state (mp_code_state_native_t, or only the function object and old globals for viper); then
 * the Python stack and the locals (reversed, local 0 last). Generators keep their code state
 * in the generator object instead, reached through REG_GENERATOR_STATE.
 */
abstract class NativeFrame {
    // Sizes and offsets, in words, of the runtime's structs as mpy-cross's (64-bit) host lays
    // them out: mp_code_state_native_t, mp_obj_fun_bc_t, mp_module_context_t.
    static final int SIZEOF_CODE_STATE = 5;
    static final int OFFSETOF_CODE_STATE_STATE = 5;
    static final int OFFSETOF_CODE_STATE_FUN_BC = 0;
    static final int OFFSETOF_CODE_STATE_IP = 1;
    static final int OFFSETOF_CODE_STATE_SP = 2;
    static final int OFFSETOF_CODE_STATE_N_STATE = 3;
    static final int OFFSETOF_OBJ_FUN_BC_CONTEXT = 1;
    static final int OFFSETOF_OBJ_FUN_BC_CHILD_TABLE = 2;
    static final int OFFSETOF_MODULE_CONTEXT_QSTR_TABLE = 2;
    static final int OFFSETOF_MODULE_CONTEXT_OBJ_TABLE = 3;
    static final int OFFSETOF_MODULE_CONTEXT_GLOBALS = 1;
    /** Word index of nlr_buf_t.ret_val. */
    static final int NLR_BUF_IDX_RET_VAL = 1;
    /** With .mpy output, at most two registers hold locals (the third holds the qstr table). */
    static final int MAX_REGS_FOR_LOCAL_VARS = 2;

    // runtime.h mp_vm_return_kind_t
    static final int VM_RETURN_NORMAL = 0;
    static final int VM_RETURN_YIELD = 1;
    static final int VM_RETURN_EXCEPTION = 2;
    /** MP_OBJ_SENTINEL (without MICROPY_DEBUG_MP_OBJ_SENTINELS). */
    static final long OBJ_SENTINEL = 4;

    final EmitCommon common;
    final ErrorSlot errors;
    /** The compiler's next label: this emitter's reserved labels start there (label_slot). */
    private final IntSupplier labelSlot;
    final NativeAssembler as;
    final NativeRegisters regs;
    /** The size of nlr_buf_t in words, as mpy-cross assumes it for the target (plus one). */
    final int sizeofNlrBuf;
    final NativeStack stack = new NativeStack(this);

    Pass pass;
    Scope scope;
    /** do_viper_types: the scope is viper code (import_name turns it off for a moment). */
    boolean viper;
    VType[] localVtype = new VType[0];
    int exitLabel;
    int codeStateStart;
    int stackStart;
    int nState;

    /**
     * @param sizeofNlrBuf nlr_buf_t in words as mpy-cross sizes it: 2 + the target's
     *     nlr_buf_num_regs + 1
     */
    NativeFrame(EmitCommon common, ErrorSlot errors, IntSupplier labelSlot, NativeAssembler as,
            int sizeofNlrBuf) {
        this.common = common;
        this.errors = errors;
        this.labelSlot = labelSlot;
        this.as = as;
        this.regs = as.registers();
        this.sizeofNlrBuf = sizeofNlrBuf;
    }

    // Frame slots (emitnative.c LOCAL_IDX_*).

    int localIdxExcVal() {
        return NLR_BUF_IDX_RET_VAL;
    }

    int localIdxExcHandlerPc() {
        return as.nlrBufIndexOfLocal1();
    }

    int localIdxExcHandlerUnwind() {
        return sizeofNlrBuf + 1;
    }

    int localIdxThrowVal() {
        return sizeofNlrBuf + 2;
    }

    int localIdxRetVal() {
        return sizeofNlrBuf;
    }

    int localIdxFunObj() {
        return codeStateStart + OFFSETOF_CODE_STATE_FUN_BC;
    }

    int localIdxOldGlobals() {
        return codeStateStart + OFFSETOF_CODE_STATE_IP;
    }

    int localIdxGenPc() {
        return codeStateStart + OFFSETOF_CODE_STATE_IP;
    }

    int localIdxLocalVar(int localNum) {
        return stackStart + nState - 1 - localNum;
    }

    // What the scope needs (emitnative.c NEED_* and CAN_USE_REGS_FOR_LOCALS).

    boolean isGenerator() {
        return (scope.flags() & Scope.FLAG_GENERATOR) != 0;
    }

    boolean needFunObj() {
        return scope.excStackSize() > 0 || (scope.flags() & (Scope.FLAG_REFGLOBALS | Scope.FLAG_HASCONSTS)) != 0;
    }

    boolean needGlobalExcHandler() {
        return scope.excStackSize() > 0
                || (scope.flags() & (Scope.FLAG_GENERATOR | Scope.FLAG_REFGLOBALS)) != 0;
    }

    boolean needExcHandlerUnwind() {
        return scope.excStackSize() > 0;
    }

    boolean needThrowVal() {
        return isGenerator();
    }

    /** Locals may live in registers only without exception handlers (an nlr jump restores registers). */
    boolean canUseRegsForLocals() {
        return scope.excStackSize() == 0 && !isGenerator();
    }

    int regGeneratorState() {
        return regs.local2();
    }

    int regQstrTable() {
        return regs.local3();
    }

    /** reg_local_table: the registers locals 0 and 1 may live in. */
    int regLocal(int i) {
        return i == 0 ? regs.local1() : regs.local2();
    }

    int regLocalLast() {
        return regLocal(MAX_REGS_FOR_LOCAL_VARS - 1);
    }

    /** Whether local {@code localNum} lives in a register. */
    boolean localInReg(int localNum) {
        return localNum < MAX_REGS_FOR_LOCAL_VARS && canUseRegsForLocals();
    }

    /** The first of the labels the compiler reserved for this emitter at this point. */
    int labelSlot() {
        return labelSlot.getAsInt();
    }

    void viperTypeError(String message) {
        errors.set(ErrorType.ViperTypeError, message);
    }

    /** Fails as upstream's assertion that a viper value is an object would. */
    void requireObject(VType vtype, String construct) {
        if (vtype != VType.PYOBJ) {
            throw EmitException.abort(construct + " in viper code");
        }
    }

    // Moving values between registers, frame and state (generator state lives elsewhere).

    void movRegConst(int regDest, int constIndex) {
        as.loadRegRegOffset(regDest, regs.funTable(), constIndex);
    }

    void movStateReg(int localNum, int regSrc) {
        if (isGenerator()) {
            as.storeRegRegOffset(regSrc, regGeneratorState(), localNum);
        } else {
            as.movLocalReg(localNum, regSrc);
        }
    }

    void movRegState(int regDest, int localNum) {
        if (isGenerator()) {
            as.loadRegRegOffset(regDest, regGeneratorState(), localNum);
        } else {
            as.movRegLocal(regDest, localNum);
        }
    }

    void movRegStateAddr(int regDest, int localNum) {
        if (isGenerator()) {
            as.movRegImm(regDest, (long) localNum * as.wordSize());
            as.addRegReg(regDest, regGeneratorState());
        } else {
            as.movRegLocalAddr(regDest, localNum);
        }
    }

    void movStateImmVia(int localNum, long imm, int regTemp) {
        as.movRegImm(regTemp, imm);
        movStateReg(localNum, regTemp);
    }

    /** ASM_MOV_LOCAL_MP_OBJ_NULL: a frame word := NULL, from the zero register or a cleared temporary. */
    void movLocalNull(int localNum, int regTemp) {
        if (regs.hasZero()) {
            as.movLocalReg(localNum, regs.zero());
        } else {
            as.clrReg(regTemp);
            as.movLocalReg(localNum, regTemp);
        }
    }

    /** REG_ZERO where there is one, else REG_TEMP0 (which the caller has just cleared). */
    int regZero() {
        return regs.hasZero() ? regs.zero() : regs.temp0();
    }

    /** The qstr's index, loaded from the module's qstr table (16-bit entries). */
    void movRegQstr(int reg, String qstr) {
        as.loadOffset(NativeAssembler.Width.BITS16, reg, regQstrTable(), common.useQstr(qstr));
    }

    /** The qstr as an object, from the constant table. May clobber REG_TEMP0. */
    void movRegQstrObj(int reg, String qstr) {
        loadRegWithObject(reg, new ConstValue.StrValue(qstr));
    }

    /** emit_load_reg_with_object: a constant object from the module's table. Clobbers REG_TEMP0. */
    void loadRegWithObject(int reg, ConstValue obj) {
        scope.addFlags(Scope.FLAG_HASCONSTS);
        int tableOff = common.useConst(obj);
        movRegState(regs.temp0(), localIdxFunObj());
        as.loadRegRegOffset(regs.temp0(), regs.temp0(), OFFSETOF_OBJ_FUN_BC_CONTEXT);
        as.loadRegRegOffset(regs.temp0(), regs.temp0(), OFFSETOF_MODULE_CONTEXT_OBJ_TABLE);
        as.loadRegRegOffset(reg, regs.temp0(), tableOff);
    }

    void loadRegWithChild(int reg, Scope child) {
        int tableOff = common.allocChild(child.code());
        movRegState(regs.temp0(), localIdxFunObj());
        as.loadRegRegOffset(regs.temp0(), regs.temp0(), OFFSETOF_OBJ_FUN_BC_CHILD_TABLE);
        as.loadRegRegOffset(reg, regs.temp0(), tableOff);
    }

    // Calls into the runtime.

    void call(RuntimeFunction f) {
        stack.needRegAll();
        as.callInd(f.index());
    }

    void callWithImmArg(RuntimeFunction f, long arg, int argReg) {
        stack.needRegAll();
        as.movRegImm(argReg, arg);
        as.callInd(f.index());
    }

    void callWith2ImmArgs(RuntimeFunction f, long arg1, int argReg1, long arg2, int argReg2) {
        stack.needRegAll();
        as.movRegImm(argReg1, arg1);
        as.movRegImm(argReg2, arg2);
        as.callInd(f.index());
    }

    void callWithQstrArg(RuntimeFunction f, String qstr, int argReg) {
        stack.needRegAll();
        movRegQstr(argReg, qstr);
        as.callInd(f.index());
    }
}
