package freezer.core.emit;

import freezer.core.ErrorType;
import freezer.core.bytecode.BinaryOp;
import freezer.core.bytecode.UnaryOp;
import freezer.core.compile.IdInfo;
import freezer.core.compile.IdKind;
import freezer.core.compile.Scope;
import freezer.core.compile.ScopeKind;
import freezer.core.emit.asm.AsmBase;
import freezer.core.emit.asm.NativeAssembler;
import freezer.core.emit.asm.NativeRegisters;
import freezer.core.lexer.TokenKind;
import freezer.core.mpy.NativePyFunction;
import freezer.core.mpy.Prelude;
import freezer.core.mpy.RawCode;
import freezer.core.mpy.Uint;
import freezer.core.mpy.ViperFunction;
import freezer.core.parse.ConstValue;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Emits one scope as machine code for {@code @micropython.native} and
 * {@code @micropython.viper} functions (py/emitnative.c), over the {@link NativeAssembler} of
 * the target. Native code does what the bytecode would, through calls into mp_fun_table;
 * viper code also keeps ints, bools and pointers in machine registers, typed as it goes
 * ({@link VType}), and reports type errors as ViperTypeError.
 *
 * <p>One emitter serves every native scope of a module, as upstream's does, so a few values
 * (the prelude sizes, the generator's start offset) carry over from one scope's last pass to
 * the next scope's first: they only size the code in that first pass, never its bytes.
 *
 * <p>Frame layout, in words from the stack pointer (see emitnative.c): an nlr_buf_t, the
 * return value and exception-unwind slot when the function needs the global exception
 * handler; then the code state (mp_code_state_native_t, or only the function object and old
 * globals for viper); then the Python stack and the locals (reversed, local 0 last). Generators
 * keep their code state in the generator object instead, reached through REG_GENERATOR_STATE.
 */
public final class NativeEmitter implements Emitter {
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
    private final ErrorSlot errors;
    /** The compiler's next label: this emitter's reserved labels start there (label_slot). */
    private final IntSupplier labelSlot;
    final NativeAssembler as;
    final NativeRegisters regs;
    /** The size of nlr_buf_t in words, as mpy-cross assumes it for the target (plus one). */
    private final int sizeofNlrBuf;
    final NativeStack stack = new NativeStack(this);
    final NativeExceptions exc = new NativeExceptions(this);
    private final ViperOps ops = new ViperOps(this);

    Pass pass;
    Scope scope;
    /** do_viper_types: the scope is viper code (import_name turns it off for a moment). */
    boolean viper;
    VType[] localVtype = new VType[0];
    int exitLabel;
    int codeStateStart;
    int stackStart;
    private int nState;
    private int preludeOffset;
    private int preludePtrIndex;
    private int startOffset;
    private int nInfo;
    private int nCell;

    /**
     * @param sizeofNlrBuf nlr_buf_t in words as mpy-cross sizes it: 2 + the target's
     *     nlr_buf_num_regs + 1
     */
    public NativeEmitter(EmitCommon common, ErrorSlot errors, IntSupplier labelSlot, NativeAssembler as,
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

    private boolean needFunObj() {
        return scope.excStackSize() > 0 || (scope.flags() & (Scope.FLAG_REFGLOBALS | Scope.FLAG_HASCONSTS)) != 0;
    }

    boolean needGlobalExcHandler() {
        return scope.excStackSize() > 0
                || (scope.flags() & (Scope.FLAG_GENERATOR | Scope.FLAG_REFGLOBALS)) != 0;
    }

    private boolean needExcHandlerUnwind() {
        return scope.excStackSize() > 0;
    }

    private boolean needThrowVal() {
        return isGenerator();
    }

    /** Locals may live in registers only without exception handlers (an nlr jump restores registers). */
    boolean canUseRegsForLocals() {
        return scope.excStackSize() == 0 && !isGenerator();
    }

    int regGeneratorState() {
        return regs.local2();
    }

    private int regQstrTable() {
        return regs.local3();
    }

    /** reg_local_table: the registers locals 0 and 1 may live in. */
    int regLocal(int i) {
        return i == 0 ? regs.local1() : regs.local2();
    }

    private int regLocalLast() {
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

    private void movStateImmVia(int localNum, long imm, int regTemp) {
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
    private void movRegQstr(int reg, String qstr) {
        as.loadOffset(NativeAssembler.Width.BITS16, reg, regQstrTable(), common.useQstr(qstr));
    }

    /** The qstr as an object, from the constant table. May clobber REG_TEMP0. */
    private void movRegQstrObj(int reg, String qstr) {
        loadRegWithObject(reg, new ConstValue.StrValue(qstr));
    }

    /** emit_load_reg_with_object: a constant object from the module's table. Clobbers REG_TEMP0. */
    private void loadRegWithObject(int reg, ConstValue obj) {
        scope.addFlags(Scope.FLAG_HASCONSTS);
        int tableOff = common.useConst(obj);
        movRegState(regs.temp0(), localIdxFunObj());
        as.loadRegRegOffset(regs.temp0(), regs.temp0(), OFFSETOF_OBJ_FUN_BC_CONTEXT);
        as.loadRegRegOffset(regs.temp0(), regs.temp0(), OFFSETOF_MODULE_CONTEXT_OBJ_TABLE);
        as.loadRegRegOffset(reg, regs.temp0(), tableOff);
    }

    private void loadRegWithChild(int reg, Scope child) {
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

    // Passes.

    @Override
    public void startPass(Pass p, Scope s) {
        pass = p;
        viper = s.emitOption() == EmitOption.VIPER;
        scope = s;

        if (localVtype.length < s.numLocals()) {
            localVtype = new VType[s.numLocals()];
        }
        int numArgs = s.numPosArgs() + s.numKwonlyArgs();
        if ((s.flags() & Scope.FLAG_VARARGS) != 0) {
            numArgs++;
        }
        if ((s.flags() & Scope.FLAG_VARKEYWORDS) != 0) {
            numArgs++;
        }
        for (int i = 0; i < numArgs; i++) {
            localVtype[i] = VType.PYOBJ;
        }
        if (viper) {
            for (IdInfo id : s.ids()) {
                if (id.isParam()) {
                    localVtype[id.localNum()] = VType.ofNativeType(id.viperType());
                }
            }
        }
        // locals start unbound, of a type not known yet
        for (int i = numArgs; i < localVtype.length; i++) {
            localVtype[i] = viper ? VType.UNBOUND : VType.PYOBJ;
        }
        stack.reset();
        exc.reset();

        as.startPass(p == Pass.EMIT ? AsmBase.Pass.EMIT : AsmBase.Pass.COMPUTE);

        codeStateStart = 0;
        if (needGlobalExcHandler()) {
            // nlr_buf_t, the return value, and the throw value and unwind slots it needs
            codeStateStart = sizeofNlrBuf + 1;
            if (needThrowVal()) {
                codeStateStart += 2;
            } else if (needExcHandlerUnwind()) {
                codeStateStart += 1;
            }
        }

        int funTableOff = common.useConst(ConstValue.Singleton.FUN_TABLE);
        if (viper) {
            viperEntry(s, funTableOff);
        } else {
            nativeEntry(s, funTableOff);
        }
    }

    /** A viper function's entry: arguments checked and converted to their types, into locals. */
    private void viperEntry(Scope s, int funTableOff) {
        nState = s.numLocals() + s.stackSize();
        int numLocalsInRegs = 0;
        if (canUseRegsForLocals()) {
            numLocalsInRegs = Math.min(s.numLocals(), MAX_REGS_FOR_LOCAL_VARS);
            // REG_LOCAL_LAST holds the argument array while the arguments are read
            if (s.numPosArgs() >= MAX_REGS_FOR_LOCAL_VARS + 1) {
                numLocalsInRegs--;
            }
        }
        if (needGlobalExcHandler()) {
            // the function object and the old globals
            stackStart = codeStateStart + 2;
        } else if ((s.flags() & Scope.FLAG_HASCONSTS) != 0) {
            // the function object, for the constant table
            stackStart = codeStateStart + 1;
        } else {
            stackStart = codeStateStart;
        }

        as.entry(stackStart + nState - numLocalsInRegs);
        if (as.argsOnStack()) {
            as.movArgToReg(0, regs.parentArg1());
        }
        loadFunTable(regs.parentArg1(), regs.funTable(), funTableOff);
        if (needFunObj()) {
            as.movLocalReg(localIdxFunObj(), regs.parentArg1());
        }

        // n_args in REG_ARG_1, n_kw in REG_ARG_2, the argument array in REG_LOCAL_LAST
        if (as.argsOnStack()) {
            as.movArgToReg(1, regs.arg1());
            as.movArgToReg(2, regs.arg2());
            as.movArgToReg(3, regLocalLast());
        } else {
            as.movRegReg(regs.arg1(), regs.parentArg2());
            as.movRegReg(regs.arg2(), regs.parentArg3());
            as.movRegReg(regLocalLast(), regs.parentArg4());
        }

        // the call must have exactly the positional arguments; else mp_arg_check_num_sig raises
        int slot = labelSlot();
        as.jumpIfRegNonzero(regs.arg2(), slot + 4, true);
        as.movRegImm(regs.arg3(), s.numPosArgs());
        as.jumpIfRegEq(regs.arg1(), regs.arg3(), slot + 5);
        as.labelAssign(slot + 4);
        as.movRegImm(regs.arg3(), funSig(s.numPosArgs(), s.numPosArgs(), false));
        as.callInd(RuntimeFunction.ARG_CHECK_NUM_SIG.index());
        as.labelAssign(slot + 5);

        for (int i = 0; i < s.numPosArgs(); i++) {
            int r = regs.arg1();
            as.loadRegRegOffset(regs.arg1(), regLocalLast(), i);
            if (localVtype[i] != VType.PYOBJ) {
                callWithImmArg(RuntimeFunction.CONVERT_OBJ_TO_NATIVE, localVtype[i].code(), regs.arg2());
                r = regs.ret();
            }
            // REG_LOCAL_LAST still points at the arguments: it takes its local last
            if (i < MAX_REGS_FOR_LOCAL_VARS && canUseRegsForLocals()
                    && (i != MAX_REGS_FOR_LOCAL_VARS - 1 || s.numPosArgs() == MAX_REGS_FOR_LOCAL_VARS)) {
                as.movRegReg(regLocal(i), r);
            } else {
                movStateReg(localIdxLocalVar(i), r);
            }
        }
        if (s.numPosArgs() >= MAX_REGS_FOR_LOCAL_VARS + 1 && canUseRegsForLocals()) {
            as.movRegLocal(regLocalLast(), localIdxLocalVar(MAX_REGS_FOR_LOCAL_VARS - 1));
        }

        exc.globalEntry();
    }

    /** MP_OBJ_FUN_MAKE_SIG. */
    private static long funSig(int nArgsMin, int nArgsMax, boolean takesKw) {
        return ((long) nArgsMin << 17) | ((long) nArgsMax << 1) | (takesKw ? 1 : 0);
    }

    /**
     * REG_FUN_TABLE := mp_fun_table and REG_QSTR_TABLE := the module's qstr table, read from the
     * function object's module context through register {@code via}.
     */
    private void loadFunTable(int funObjReg, int via, int funTableOff) {
        as.loadRegRegOffset(via, funObjReg, OFFSETOF_OBJ_FUN_BC_CONTEXT);
        as.loadRegRegOffset(regQstrTable(), via, OFFSETOF_MODULE_CONTEXT_QSTR_TABLE);
        as.loadRegRegOffset(via, via, OFFSETOF_MODULE_CONTEXT_OBJ_TABLE);
        as.loadRegRegOffset(regs.funTable(), via, funTableOff);
    }

    /** A native function's entry: its code state set up by mp_setup_code_state, as bytecode's. */
    private void nativeEntry(Scope s, int funTableOff) {
        nState = s.numLocals() + s.stackSize();

        // the first word points the runtime at the prelude (mp_obj_fun_native_get_prelude_ptr)
        as.data(as.wordSize(), preludePtrIndex);

        if (isGenerator()) {
            as.data(as.wordSize(), startOffset);
            as.entry(codeStateStart);

            // the state is in the generator object
            codeStateStart = 0;
            stackStart = SIZEOF_CODE_STATE;

            if (as.argsOnStack()) {
                as.movArgToReg(0, regGeneratorState());
            } else {
                as.movRegReg(regGeneratorState(), regs.parentArg1());
            }
            // the value thrown in, for yield and yield from
            if (as.argsOnStack()) {
                as.movArgToReg(1, regs.parentArg2());
            }
            as.movLocalReg(localIdxThrowVal(), regs.parentArg2());

            as.loadRegRegOffset(regs.temp0(), regGeneratorState(), localIdxFunObj());
            loadFunTable(regs.temp0(), regs.temp0(), funTableOff);
        } else {
            stackStart = codeStateStart + SIZEOF_CODE_STATE;
            as.entry(stackStart + nState);
            if (as.argsOnStack()) {
                as.movArgToReg(0, regs.parentArg1());
                as.movArgToReg(1, regs.parentArg2());
                as.movArgToReg(2, regs.parentArg3());
                as.movArgToReg(3, regs.parentArg4());
            }
            loadFunTable(regs.parentArg1(), regs.funTable(), funTableOff);

            as.movLocalReg(localIdxFunObj(), regs.parentArg1());
            // n_state is a uint16_t; a word store is fine on little-endian targets
            movStateImmVia(codeStateStart + OFFSETOF_CODE_STATE_N_STATE, nState, regs.arg1());

            // mp_setup_code_state(code_state, n_args, n_kw, args)
            as.movRegLocalAddr(regs.arg1(), codeStateStart);
            if (regs.arg2() != regs.parentArg2()) {
                as.movRegReg(regs.arg2(), regs.parentArg2());
            }
            if (regs.arg3() != regs.parentArg3()) {
                as.movRegReg(regs.arg3(), regs.parentArg3());
            }
            if (regs.arg4() != regs.parentArg4()) {
                as.movRegReg(regs.arg4(), regs.parentArg4());
            }
            as.callSetupCodeState(RuntimeFunction.SETUP_CODE_STATE.index());
        }

        exc.globalEntry();

        if (canUseRegsForLocals()) {
            for (int i = 0; i < MAX_REGS_FOR_LOCAL_VARS && i < s.numLocals(); i++) {
                as.movRegLocal(regLocal(i), localIdxLocalVar(i));
            }
        }

        // closed-over variables are objects (cells)
        for (IdInfo id : s.ids()) {
            if (id.kind() == IdKind.CELL) {
                localVtype[id.localNum()] = VType.PYOBJ;
            }
        }
    }

    /** Set where a generator's first entry starts (after the global exception handler's code). */
    void markStartOffset() {
        startOffset = as.codeOffset();
    }

    @Override
    public boolean endPass() {
        exc.globalExit();

        if (!viper) {
            // the bytecode-style prelude goes after the code
            preludeOffset = as.codeOffset();
            preludePtrIndex = common.childCount();

            as.emitBytes(new Prelude(Math.max(nState, 1), 0, scope.flags() & Scope.FLAG_ALL_SIG,
                    scope.numPosArgs(), scope.numKwonlyArgs(), scope.numDefPosArgs()).bytes());
            as.emitBytes(Prelude.sizeBytes(nInfo, nCell));

            int infoStart = as.codeOffset();
            codeInfoQstr(scope.simpleName());
            for (String name : BytecodeEmitter.parameterNames(scope)) {
                codeInfoQstr(name);
            }
            nInfo = as.codeOffset() - infoStart;

            int cellStart = as.codeOffset();
            for (int local : BytecodeEmitter.cellLocals(scope)) {
                as.data(1, local);
            }
            nCell = as.codeOffset() - cellStart;
        }

        as.endPass();

        if (stack.size() != 0 || exc.depth() != 0) {
            throw EmitException.abort("unbalanced value or exception stack in native code");
        }

        if (pass == Pass.EMIT) {
            byte[] code = as.code();
            List<CodeHolder> children = common.children();
            if (viper) {
                // mpy-cross saves 0 for a viper function's flags: no rodata, BSS or relocations
                scope.code().assign(children, done -> new ViperFunction(code, 0, null, 0, List.of(), done));
            } else {
                // mp_raw_code_t keeps the prelude offset in 16 bits, and so does the .mpy
                int at = preludeOffset & 0xffff;
                scope.code().assign(children, done -> nativePy(code, at, done));
            }
        }
        return true;
    }

    private static RawCode nativePy(byte[] code, int preludeOffset, List<RawCode> children) {
        return new NativePyFunction(code, preludeOffset, children);
    }

    private void codeInfoQstr(String q) {
        as.emitBytes(Uint.bytes(common.useQstr(q)));
    }

    @Override
    public void adjustStackSize(int delta) {
        stack.adjustStackSize(delta);
    }

    @Override
    public void setSourceLine(int line) {
        // native code keeps no line table
    }

    @Override
    public void labelAssign(int label) {
        boolean isFinally = exc.isFinallyLabel(label);
        if (isFinally) {
            // the start of a finally handler: the exception (or None) goes to its slot
            stack.access(1, regs.temp0());
            as.movLocalReg(localIdxExcVal(), regs.temp0());
        }
        // a jump may come here: the stack must be in its slots
        stack.needStackSettled();
        as.labelAssign(label);
        if (isFinally) {
            exc.leave(false);
        }
    }

    // Names and constants.

    @Override
    public void importName(String name) {
        // the fromlist and level are objects whatever viper thinks
        boolean wasViper = viper;
        viper = false;
        VType fromlist = stack.pop(regs.arg2());
        VType level = stack.pop(regs.arg3());
        requireObject(fromlist, "import fromlist");
        requireObject(level, "import level");
        viper = wasViper;
        callWithQstrArg(RuntimeFunction.IMPORT_NAME, name, regs.arg1());
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    @Override
    public void importFrom(String name) {
        requireObject(stack.access(1, regs.arg1()), "importing from a native value");
        callWithQstrArg(RuntimeFunction.IMPORT_FROM, name, regs.arg2());
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    @Override
    public void importStar() {
        requireObject(stack.pop(regs.arg1()), "importing * from a native value");
        call(RuntimeFunction.IMPORT_ALL);
    }

    @Override
    public void loadConstTok(TokenKind tok) {
        switch (tok) {
            case ELLIPSIS -> loadConstObj(ConstValue.Singleton.ELLIPSIS);
            case KW_NONE -> stack.pushImm(VType.PTR_NONE, 0);
            case KW_FALSE -> stack.pushImm(VType.BOOL, 0);
            case KW_TRUE -> stack.pushImm(VType.BOOL, 1);
            default -> throw new IllegalArgumentException("not a constant token: " + tok);
        }
    }

    @Override
    public void loadConstSmallInt(long value) {
        stack.pushImm(VType.INT, value);
    }

    @Override
    public void loadConstStr(String qstr) {
        stack.needRegSingle(regs.temp0(), 0);
        movRegQstrObj(regs.temp0(), qstr);
        stack.pushReg(VType.PYOBJ, regs.temp0());
    }

    @Override
    public void loadConstObj(ConstValue obj) {
        stack.needRegSingle(regs.temp0(), 0);
        loadRegWithObject(regs.temp0(), obj);
        stack.pushReg(VType.PYOBJ, regs.temp0());
    }

    @Override
    public void loadNull() {
        stack.pushImm(VType.PYOBJ, 0);
    }

    @Override
    public void loadLocal(String name, int localNum, boolean deref) {
        if (!deref) {
            loadFast(name, localNum);
            return;
        }
        stack.needRegSingle(regs.ret(), 0);
        loadFast(name, localNum);
        NativeStack.Popped base = stack.popFlexible(regs.ret(), -1, -1);
        // a cell's value is its second word
        as.loadRegRegOffset(regs.ret(), base.reg(), 1);
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    private void loadFast(String name, int localNum) {
        VType vtype = localVtype[localNum];
        if (vtype == VType.UNBOUND) {
            viperTypeError("local '" + name + "' used before type known");
        }
        if (localInReg(localNum)) {
            stack.pushReg(vtype, regLocal(localNum));
        } else {
            stack.needRegSingle(regs.temp0(), 0);
            movRegState(regs.temp0(), localIdxLocalVar(localNum));
            stack.pushReg(vtype, regs.temp0());
        }
    }

    @Override
    public void loadGlobal(String name, boolean explicit) {
        if (explicit && viper) {
            // int, uint, ptr ... are casts in viper code
            int nativeType = VType.nativeTypeOf(name);
            if (nativeType >= VType.BOOL.code()) {
                stack.pushImm(VType.BUILTIN_CAST, nativeType);
                return;
            }
        }
        callWithQstrArg(explicit ? RuntimeFunction.LOAD_GLOBAL : RuntimeFunction.LOAD_NAME, name, regs.arg1());
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    @Override
    public void storeLocal(String name, int localNum, boolean deref) {
        if (!deref) {
            storeFast(name, localNum);
            return;
        }
        stack.needRegSingle(regs.temp0(), 0);
        stack.needRegSingle(regs.temp1(), 0);
        loadFast(name, localNum);
        NativeStack.Popped base = stack.popFlexible(regs.temp0(), -1, -1);
        NativeStack.Popped src = stack.popFlexible(regs.temp1(), base.reg(), base.reg());
        as.storeRegRegOffset(src.reg(), base.reg(), 1);
    }

    void storeFast(String name, int localNum) {
        VType vtype;
        if (localInReg(localNum)) {
            vtype = stack.pop(regLocal(localNum));
        } else {
            vtype = stack.pop(regs.temp0());
            movStateReg(localIdxLocalVar(localNum), regs.temp0());
        }
        if (localVtype[localNum] == VType.UNBOUND) {
            // the first store gives the local its type
            localVtype[localNum] = vtype;
        } else if (localVtype[localNum] != vtype) {
            viperTypeError("local '" + name + "' has type '" + localVtype[localNum].typeName() + "' but source is '"
                    + vtype.typeName() + "'");
        }
    }

    @Override
    public void storeGlobal(String name, boolean explicit) {
        if (!explicit) {
            VType vtype = stack.pop(regs.arg2());
            if (vtype != VType.PYOBJ && scope.kind() == ScopeKind.CLASS) {
                throw EmitException.abortAtScope("a class body in viper code");
            }
            requireObject(vtype, "storing a native value as a name");
        } else {
            VType vtype = stack.peekVtype(0);
            if (vtype == VType.PYOBJ) {
                stack.pop(regs.arg2());
            } else {
                vtype = stack.pop(regs.arg1());
                callWithImmArg(RuntimeFunction.CONVERT_NATIVE_TO_OBJ, vtype.code(), regs.arg2());
                as.movRegReg(regs.arg2(), regs.ret());
            }
        }
        callWithQstrArg(explicit ? RuntimeFunction.STORE_GLOBAL : RuntimeFunction.STORE_NAME, name, regs.arg1());
    }

    @Override
    public void deleteLocal(String name, int localNum, boolean deref) {
        if (!deref) {
            // not quite Python: the local becomes None, so the object can be collected
            loadConstTok(TokenKind.KW_NONE);
            storeFast(name, localNum);
        }
        // deleting a closed-over variable does nothing in native code (as upstream)
    }

    @Override
    public void deleteGlobal(String name, boolean explicit) {
        callWithQstrArg(explicit ? RuntimeFunction.DELETE_GLOBAL : RuntimeFunction.DELETE_NAME, name, regs.arg1());
    }

    @Override
    public void loadMethod(String name, boolean isSuper) {
        if (isSuper) {
            stack.pointerForPop(regs.arg2(), 3);
            stack.pointerForPush(regs.arg2(), 2);
            callWithQstrArg(RuntimeFunction.LOAD_SUPER_METHOD, name, regs.arg1());
        } else {
            requireObject(stack.pop(regs.arg1()), "a method of a native value");
            stack.pointerForPush(regs.arg3(), 2);
            callWithQstrArg(RuntimeFunction.LOAD_METHOD, name, regs.arg2());
        }
    }

    @Override
    public void loadBuildClass() {
        call(RuntimeFunction.LOAD_BUILD_CLASS);
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    @Override
    public void subscr(Access kind) {
        switch (kind) {
            case LOAD -> ops.loadSubscr();
            case STORE -> ops.storeSubscr();
            default -> {
                VType index = stack.pop(regs.arg2());
                VType base = stack.pop(regs.arg1());
                requireObject(index, "deleting an item with a native index");
                requireObject(base, "deleting an item of a native value");
                callWithImmArg(RuntimeFunction.OBJ_SUBSCR, 0, regs.arg3());
            }
        }
    }

    @Override
    public void attr(String name, Access kind) {
        switch (kind) {
            case LOAD -> {
                requireObject(stack.pop(regs.arg1()), "an attribute of a native value");
                callWithQstrArg(RuntimeFunction.LOAD_ATTR, name, regs.arg2());
                stack.pushReg(VType.PYOBJ, regs.ret());
            }
            case STORE -> storeAttr(name);
            default -> {
                requireObject(stack.pop(regs.arg1()), "deleting an attribute of a native value");
                as.clrReg(regs.arg3());
                callWithQstrArg(RuntimeFunction.STORE_ATTR, name, regs.arg2());
            }
        }
    }

    private void storeAttr(String name) {
        VType base;
        if (stack.peekVtype(1) == VType.PYOBJ) {
            base = stack.pop(regs.arg1());
            stack.pop(regs.arg3());
        } else {
            VType value = stack.access(2, regs.arg1());
            callWithImmArg(RuntimeFunction.CONVERT_NATIVE_TO_OBJ, value.code(), regs.arg2());
            as.movRegReg(regs.arg3(), regs.ret());
            base = stack.pop(regs.arg1());
            stack.adjust(-1);
        }
        requireObject(base, "setting an attribute of a native value");
        callWithQstrArg(RuntimeFunction.STORE_ATTR, name, regs.arg2());
    }

    // Stack shuffles.

    @Override
    public void dupTop() {
        NativeStack.Popped p = stack.popFlexible(regs.temp0(), -1, -1);
        stack.pushReg(p.vtype(), p.reg());
        stack.pushReg(p.vtype(), p.reg());
    }

    @Override
    public void dupTopTwo() {
        VType v0 = stack.pop(regs.temp0());
        VType v1 = stack.pop(regs.temp1());
        stack.pushReg(v1, regs.temp1());
        stack.pushReg(v0, regs.temp0());
        stack.pushReg(v1, regs.temp1());
        stack.pushReg(v0, regs.temp0());
    }

    @Override
    public void popTop() {
        stack.popDiscard();
    }

    @Override
    public void rotTwo() {
        VType v0 = stack.pop(regs.temp0());
        VType v1 = stack.pop(regs.temp1());
        stack.pushReg(v0, regs.temp0());
        stack.pushReg(v1, regs.temp1());
    }

    @Override
    public void rotThree() {
        VType v0 = stack.pop(regs.temp0());
        VType v1 = stack.pop(regs.temp1());
        VType v2 = stack.pop(regs.temp2());
        stack.pushReg(v0, regs.temp0());
        stack.pushReg(v2, regs.temp2());
        stack.pushReg(v1, regs.temp1());
    }

    // Jumps.

    @Override
    public void jump(int label) {
        stack.needStackSettled();
        as.jump(label);
        as.suppressCode();
    }

    @Override
    public void popJumpIf(boolean cond, int label) {
        jumpHelper(cond, label, true);
    }

    @Override
    public void jumpIfOrPop(boolean cond, int label) {
        jumpHelper(cond, label, false);
    }

    private void jumpHelper(boolean cond, int label, boolean pop) {
        VType vtype = stack.peekVtype(0);
        if (vtype == VType.PYOBJ) {
            stack.pop(regs.arg1());
            if (!pop) {
                stack.adjust(1);
            }
            call(RuntimeFunction.OBJ_IS_TRUE);
        } else {
            vtype = stack.pop(regs.ret());
            if (!pop) {
                stack.adjust(1);
            }
            if (!(vtype == VType.BOOL || vtype.isInt())) {
                viperTypeError("can't implicitly convert '" + vtype.typeName() + "' to 'bool'");
            }
        }
        if (!pop) {
            // emit_native_adjust_stack_size gives the kept value this type where the jump lands
            stack.savedVtype = vtype;
        }
        stack.needStackSettled();
        if (cond) {
            as.jumpIfRegNonzero(regs.ret(), label, vtype == VType.PYOBJ);
        } else {
            as.jumpIfRegZero(regs.ret(), label, vtype == VType.PYOBJ);
        }
        if (!pop) {
            stack.adjust(-1);
        }
    }

    @Override
    public void unwindJump(int label, int exceptDepth) {
        exc.unwindJump(label, exceptDepth);
    }

    @Override
    public void setupBlock(int label, Block kind) {
        exc.setupBlock(label, kind);
    }

    @Override
    public void withCleanup(int label) {
        exc.withCleanup(label);
    }

    @Override
    public void asyncWithSetupFinally(int labelAexitNoExc, int labelFinallyBlock, int labelRetUnwindJump) {
        exc.asyncWithSetupFinally(labelAexitNoExc, labelFinallyBlock, labelRetUnwindJump);
    }

    @Override
    public void endFinally() {
        exc.endFinally();
    }

    @Override
    public void getIter(boolean useStack) {
        requireObject(stack.pop(regs.arg1()), "iterating over a native value");
        if (useStack) {
            stack.pointerForPush(regs.arg2(), BytecodeEmitter.ITER_BUF_SLOTS);
            call(RuntimeFunction.NATIVE_GETITER);
        } else {
            // mp_getiter puts the iterator buffer on the heap
            as.movRegImm(regs.arg2(), 0);
            call(RuntimeFunction.NATIVE_GETITER);
            stack.pushReg(VType.PYOBJ, regs.ret());
        }
    }

    @Override
    public void forIter(int label) {
        stack.pointerForPop(regs.arg1(), BytecodeEmitter.ITER_BUF_SLOTS);
        stack.adjust(BytecodeEmitter.ITER_BUF_SLOTS);
        call(RuntimeFunction.NATIVE_ITERNEXT);
        // MP_OBJ_STOP_ITERATION is 0
        as.jumpIfRegZero(regs.ret(), label, false);
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    @Override
    public void forIterEnd() {
        stack.adjust(-BytecodeEmitter.ITER_BUF_SLOTS);
    }

    @Override
    public void popExceptJump(int label, boolean withinExcHandler) {
        exc.popExceptJump(label, withinExcHandler);
    }

    // Operators.

    @Override
    public void unaryOp(UnaryOp op) {
        ops.unaryOp(op);
    }

    @Override
    public void binaryOp(BinaryOp op) {
        ops.binaryOp(op, false);
    }

    @Override
    public void binaryOpInverted(BinaryOp op) {
        ops.binaryOp(op, true);
    }

    // Collections.

    @Override
    public void build(int n, Build kind) {
        if (kind == Build.SLICE) {
            buildSlice(n);
            return;
        }
        RuntimeFunction f = switch (kind) {
            case TUPLE -> RuntimeFunction.BUILD_TUPLE;
            case LIST -> RuntimeFunction.BUILD_LIST;
            case MAP -> RuntimeFunction.BUILD_MAP;
            default -> RuntimeFunction.BUILD_SET;
        };
        if (kind != Build.MAP) {
            stack.pointerForPop(regs.arg2(), n);
        }
        callWithImmArg(f, n, regs.arg1());
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    private void buildSlice(int n) {
        if (n == 2) {
            VType stop = stack.pop(regs.arg2());
            VType start = stack.pop(regs.arg1());
            requireObject(start, "a slice of native ints");
            requireObject(stop, "a slice of native ints");
            movRegConst(regs.arg3(), RuntimeFunction.CONST_NONE_OBJ.index());
        } else {
            VType step = stack.pop(regs.arg3());
            VType stop = stack.pop(regs.arg2());
            VType start = stack.pop(regs.arg1());
            requireObject(start, "a slice of native ints");
            requireObject(stop, "a slice of native ints");
            requireObject(step, "a slice of native ints");
        }
        call(RuntimeFunction.NEW_SLICE);
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    @Override
    public void storeMap() {
        VType key = stack.pop(regs.arg2());
        VType value = stack.pop(regs.arg3());
        VType map = stack.pop(regs.arg1());
        requireObject(key, "a dict entry of a native value");
        requireObject(value, "a dict entry of a native value");
        requireObject(map, "a dict entry of a native value");
        call(RuntimeFunction.STORE_MAP);
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    @Override
    public void storeComp(ScopeKind kind, int collectionStackIndex) {
        RuntimeFunction f;
        if (kind == ScopeKind.LIST_COMP) {
            requireObject(stack.pop(regs.arg2()), "a comprehension of native values");
            f = RuntimeFunction.LIST_APPEND;
        } else if (kind == ScopeKind.SET_COMP) {
            requireObject(stack.pop(regs.arg2()), "a comprehension of native values");
            f = RuntimeFunction.STORE_SET;
        } else {
            VType key = stack.pop(regs.arg2());
            VType value = stack.pop(regs.arg3());
            requireObject(key, "a comprehension of native values");
            requireObject(value, "a comprehension of native values");
            f = RuntimeFunction.STORE_MAP;
        }
        requireObject(stack.access(collectionStackIndex, regs.arg1()), "a comprehension of native values");
        call(f);
    }

    @Override
    public void unpackSequence(int n) {
        requireObject(stack.pop(regs.arg1()), "unpacking a native value");
        stack.pointerForPush(regs.arg3(), n);
        callWithImmArg(RuntimeFunction.UNPACK_SEQUENCE, n, regs.arg2());
    }

    @Override
    public void unpackEx(int nLeft, int nRight) {
        requireObject(stack.pop(regs.arg1()), "unpacking a native value");
        stack.pointerForPush(regs.arg3(), nLeft + nRight + 1);
        callWithImmArg(RuntimeFunction.UNPACK_EX, nLeft | ((long) nRight << 8), regs.arg2());
    }

    // Functions.

    @Override
    public void makeFunction(Scope child, int nPosDefaults, int nKwDefaults) {
        movRegState(regs.arg2(), localIdxFunObj());
        as.loadRegRegOffset(regs.arg2(), regs.arg2(), OFFSETOF_OBJ_FUN_BC_CONTEXT);
        if (nPosDefaults == 0 && nKwDefaults == 0) {
            stack.needRegAll();
            as.movRegImm(regs.arg3(), 0);
        } else {
            stack.pointerForPop(regs.arg3(), 2);
            stack.needRegAll();
        }
        loadRegWithChild(regs.arg1(), child);
        as.callInd(RuntimeFunction.MAKE_FUNCTION_FROM_PROTO_FUN.index());
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    @Override
    public void makeClosure(Scope child, int nClosedOver, int nPosDefaults, int nKwDefaults) {
        movRegState(regs.arg2(), localIdxFunObj());
        as.loadRegRegOffset(regs.arg2(), regs.arg2(), OFFSETOF_OBJ_FUN_BC_CONTEXT);
        boolean defaults = nPosDefaults != 0 || nKwDefaults != 0;
        if (!defaults) {
            stack.needRegAll();
            as.movRegImm(regs.arg3(), 0);
        } else {
            stack.pointerForPop(regs.arg3(), 2 + nClosedOver);
            stack.adjust(2 + nClosedOver);
            stack.needRegAll();
        }
        loadRegWithChild(regs.arg1(), child);
        as.callInd(RuntimeFunction.MAKE_FUNCTION_FROM_PROTO_FUN.index());

        if (regs.arg1() != regs.ret()) {
            as.movRegReg(regs.arg1(), regs.ret());
        }
        as.movRegImm(regs.arg2(), nClosedOver);
        stack.pointerForPop(regs.arg3(), nClosedOver);
        if (defaults) {
            stack.adjust(-2);
        }
        as.callInd(RuntimeFunction.NEW_CLOSURE.index());
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    @Override
    public void callFunction(int nPositional, int nKeyword, int starFlags) {
        VType vtypeFun = stack.peekVtype(nPositional + 2 * nKeyword);
        if (vtypeFun == VType.BUILTIN_CAST) {
            castCall(nPositional, nKeyword, starFlags);
            return;
        }
        requireObject(vtypeFun, "calling a native value");
        if (starFlags != 0) {
            stack.pointerForPop(regs.arg3(), nPositional + 2 * nKeyword + 2);
            callWith2ImmArgs(RuntimeFunction.CALL_METHOD_N_KW_VAR, 0, regs.arg1(),
                    nPositional | ((long) nKeyword << 8), regs.arg2());
        } else {
            if (nPositional != 0 || nKeyword != 0) {
                stack.pointerForPop(regs.arg3(), nPositional + 2 * nKeyword);
            }
            stack.pop(regs.arg1());
            callWithImmArg(RuntimeFunction.NATIVE_CALL_FUNCTION_N_KW, nPositional | ((long) nKeyword << 8),
                    regs.arg2());
        }
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    /** {@code int(x)}, {@code ptr8(buf)} ...: a viper cast. */
    private void castCall(int nPositional, int nKeyword, int starFlags) {
        if (nPositional != 1 || nKeyword != 0 || starFlags != 0) {
            throw EmitException.abort("a viper cast with other than one positional argument");
        }
        VType cast = VType.ofNativeType((int) stack.peek(1).imm);
        switch (stack.peekVtype(0)) {
            case PYOBJ -> {
                stack.pop(regs.arg1());
                stack.popDiscard();
                callWithImmArg(RuntimeFunction.CONVERT_OBJ_TO_NATIVE, cast.code(), regs.arg2());
                stack.pushReg(cast, regs.ret());
            }
            case BOOL, INT, UINT, PTR, PTR8, PTR16, PTR32, PTR_NONE -> {
                stack.foldTop(regs.arg1());
                stack.setTopVtype(cast);
            }
            // a cast of a cast: int(int)
            default -> throw EmitException.raised(ErrorType.NotImplementedError, "casting");
        }
    }

    @Override
    public void callMethod(int nPositional, int nKeyword, int starFlags) {
        if (starFlags != 0) {
            stack.pointerForPop(regs.arg3(), nPositional + 2 * nKeyword + 3);
            callWith2ImmArgs(RuntimeFunction.CALL_METHOD_N_KW_VAR, 1, regs.arg1(),
                    nPositional | ((long) nKeyword << 8), regs.arg2());
        } else {
            stack.pointerForPop(regs.arg3(), 2 + nPositional + 2 * nKeyword);
            callWith2ImmArgs(RuntimeFunction.CALL_METHOD_N_KW, nPositional, regs.arg1(), nKeyword, regs.arg2());
        }
        stack.pushReg(VType.PYOBJ, regs.ret());
    }

    @Override
    public void returnValue() {
        if (isGenerator()) {
            // the caller finds the value at the stack pointer saved in the code state
            stack.pointerForPop(regs.temp0(), 1);
            movStateReg(OFFSETOF_CODE_STATE_SP, regs.temp0());
            as.movRegImm(regs.temp0(), VM_RETURN_NORMAL);
            as.movLocalReg(localIdxRetVal(), regs.temp0());
            exc.unwindJump(exitLabel, exc.depth());
            return;
        }
        if (viper) {
            VType returnType = VType.ofNativeType(scope.flags() >> Scope.FLAG_VIPERRET_POS & 7);
            if (stack.peekVtype(0) == VType.PTR_NONE) {
                stack.popDiscard();
                if (returnType == VType.PYOBJ) {
                    movRegConst(regs.parentRet(), RuntimeFunction.CONST_NONE_OBJ.index());
                } else {
                    as.movRegImm(regs.arg1(), 0);
                }
            } else {
                VType vtype = stack.pop(returnType == VType.PYOBJ ? regs.parentRet() : regs.arg1());
                if (vtype != returnType) {
                    viperTypeError("return expected '" + returnType.typeName() + "' but got '" + vtype.typeName()
                            + "'");
                }
            }
            if (returnType != VType.PYOBJ) {
                callWithImmArg(RuntimeFunction.CONVERT_NATIVE_TO_OBJ, returnType.code(), regs.arg2());
                if (regs.ret() != regs.parentRet()) {
                    as.movRegReg(regs.parentRet(), regs.ret());
                }
            }
        } else {
            stack.pop(regs.parentRet());
        }
        if (needGlobalExcHandler()) {
            // the global exception handler returns what is in this slot
            as.movLocalReg(localIdxRetVal(), regs.parentRet());
        }
        exc.unwindJump(exitLabel, exc.depth());
    }

    @Override
    public void raiseVarargs(int nArgs) {
        if (nArgs != 1) {
            throw EmitException.abort((nArgs == 0 ? "a bare raise" : "raise ... from ...")
                    + (viper ? " in viper code" : " in native code"));
        }
        VType vtype = stack.pop(regs.arg1());
        if (vtype != VType.PYOBJ) {
            viperTypeError("must raise an object");
        }
        call(RuntimeFunction.NATIVE_RAISE);
        as.suppressCode();
    }

    @Override
    public void yield(boolean from) {
        if (viper) {
            throw EmitException.raised(ErrorType.NotImplementedError, "native yield");
        }
        scope.addFlags(Scope.FLAG_GENERATOR);
        stack.needStackSettled();
        int slot = labelSlot();

        if (from) {
            // for item in generator: yield item
            jump(slot + 2);
            labelAssign(slot + 1);
        }

        // the caller finds the yielded value at the saved stack pointer
        stack.pointerForPop(regs.temp0(), 1);
        movStateReg(OFFSETOF_CODE_STATE_SP, regs.temp0());
        as.movRegImm(regs.temp0(), VM_RETURN_YIELD);
        as.movLocalReg(localIdxRetVal(), regs.temp0());

        // where to come back in
        as.movRegPcrel(regs.temp0(), slot);
        movStateReg(localIdxGenPc(), regs.temp0());
        as.jump(exitLabel);
        as.labelAssign(slot);

        exc.reopenActiveHandler();

        // the value sent in
        stack.adjustStackSize(1);

        if (!from) {
            as.movRegLocal(regs.arg1(), localIdxThrowVal());
            movLocalNull(localIdxThrowVal(), regs.arg2());
            call(RuntimeFunction.NATIVE_RAISE);
        } else {
            labelAssign(slot + 2);
            // the next item from the delegate
            as.movRegLocal(regs.arg3(), localIdxThrowVal());
            as.movRegImm(regs.arg2(), 0);
            as.movLocalReg(localIdxThrowVal(), regs.arg2());
            stack.pop(regs.arg2());
            stack.access(1, regs.arg1());
            stack.pushReg(VType.PYOBJ, regs.arg3());
            stack.pointerForPop(regs.arg3(), 1);
            call(RuntimeFunction.NATIVE_YIELD_FROM);
            // non-zero: the delegate goes on
            as.jumpIfRegNonzero(regs.ret(), slot + 1, true);
            // the delegate is done: its return value replaces it
            stack.adjustStackSize(1);
            stack.foldTop(regs.arg1());
        }
    }

    @Override
    public void startExceptHandler() {
        exc.startExceptHandler();
    }

    @Override
    public void endExceptHandler() {
        // nothing: the handler's exception was popped where it was used
    }

    /** The scope being emitted (for the helpers' errors). */
    Scope scope() {
        return scope;
    }

    /** OBJ_SENTINEL as the runtime's subscript call takes it for a load. */
    static long subscrLoadSentinel() {
        return OBJ_SENTINEL;
    }
}
