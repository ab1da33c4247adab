package freezer.core.emit;

import freezer.core.compile.IdInfo;
import freezer.core.compile.IdKind;
import freezer.core.compile.Scope;
import freezer.core.emit.asm.AsmBase;
import freezer.core.mpy.NativePyFunction;
import freezer.core.mpy.Prelude;
import freezer.core.mpy.RawCode;
import freezer.core.mpy.Uint;
import freezer.core.mpy.ViperFunction;
import freezer.core.parse.ConstValue;
import java.util.List;

/**
 * A native function's entry and end (emit_native_start_pass, emit_native_end_pass): the frame
 * reserved, mp_fun_table and the qstr table loaded, the arguments checked (viper: converted to
 * their types) or the code state set up by mp_setup_code_state (native), the global exception
 * handler; at the end, the exit code and, for native code, a bytecode-style prelude after the
 * machine code (signature, names, cells) for the runtime to read.
 *
 * <p>One emitter serves every native scope of a module, as upstream's does, so the prelude
 * sizes, the prelude's index word and a generator's start offset carry over from one scope's
 * last pass to the next scope's first: they only size the code in that first pass, never its
 * bytes.
 */
final class NativeEntry {
    private final NativeEmitter e;
    private int preludeOffset;
    private int preludePtrIndex;
    private int startOffset;
    private int nInfo;
    private int nCell;

    NativeEntry(NativeEmitter e) {
        this.e = e;
    }

    /** emit_native_start_pass: the types of the arguments and locals, and the function's entry code. */
    void start(Pass p, Scope s) {
        e.pass = p;
        e.viper = s.emitOption() == EmitOption.VIPER;
        e.scope = s;

        if (e.localVtype.length < s.numLocals()) {
            e.localVtype = new VType[s.numLocals()];
        }
        int numArgs = s.numPosArgs() + s.numKwonlyArgs();
        if ((s.flags() & Scope.FLAG_VARARGS) != 0) {
            numArgs++;
        }
        if ((s.flags() & Scope.FLAG_VARKEYWORDS) != 0) {
            numArgs++;
        }
        for (int i = 0; i < numArgs; i++) {
            e.localVtype[i] = VType.PYOBJ;
        }
        if (e.viper) {
            for (IdInfo id : s.ids()) {
                if (id.isParam()) {
                    e.localVtype[id.localNum()] = VType.ofNativeType(id.viperType());
                }
            }
        }
        // locals start unbound, of a type not known yet
        for (int i = numArgs; i < e.localVtype.length; i++) {
            e.localVtype[i] = e.viper ? VType.UNBOUND : VType.PYOBJ;
        }
        e.stack.reset();
        e.exc.reset();

        e.as.startPass(p == Pass.EMIT ? AsmBase.Pass.EMIT : AsmBase.Pass.COMPUTE);

        e.codeStateStart = 0;
        if (e.needGlobalExcHandler()) {
            // nlr_buf_t, the return value, and the throw value and unwind slots it needs
            e.codeStateStart = e.sizeofNlrBuf + 1;
            if (e.needThrowVal()) {
                e.codeStateStart += 2;
            } else if (e.needExcHandlerUnwind()) {
                e.codeStateStart += 1;
            }
        }

        int funTableOff = e.common.useConst(ConstValue.Singleton.FUN_TABLE);
        if (e.viper) {
            viperEntry(s, funTableOff);
        } else {
            nativeEntry(s, funTableOff);
        }
    }

    /** A e.viper function's entry: arguments checked and converted to their types, into locals. */
    private void viperEntry(Scope s, int funTableOff) {
        e.nState = s.numLocals() + s.stackSize();
        int numLocalsInRegs = 0;
        if (e.canUseRegsForLocals()) {
            numLocalsInRegs = Math.min(s.numLocals(), NativeFrame.MAX_REGS_FOR_LOCAL_VARS);
            // REG_LOCAL_LAST holds the argument array while the arguments are read
            if (s.numPosArgs() >= NativeFrame.MAX_REGS_FOR_LOCAL_VARS + 1) {
                numLocalsInRegs--;
            }
        }
        if (e.needGlobalExcHandler()) {
            // the function object and the old globals
            e.stackStart = e.codeStateStart + 2;
        } else if ((s.flags() & Scope.FLAG_HASCONSTS) != 0) {
            // the function object, for the constant table
            e.stackStart = e.codeStateStart + 1;
        } else {
            e.stackStart = e.codeStateStart;
        }

        e.as.entry(e.stackStart + e.nState - numLocalsInRegs);
        if (e.as.argsOnStack()) {
            e.as.movArgToReg(0, e.regs.parentArg1());
        }
        loadFunTable(e.regs.parentArg1(), e.regs.funTable(), funTableOff);
        if (e.needFunObj()) {
            e.as.movLocalReg(e.localIdxFunObj(), e.regs.parentArg1());
        }

        // n_args in REG_ARG_1, n_kw in REG_ARG_2, the argument array in REG_LOCAL_LAST
        if (e.as.argsOnStack()) {
            e.as.movArgToReg(1, e.regs.arg1());
            e.as.movArgToReg(2, e.regs.arg2());
            e.as.movArgToReg(3, e.regLocalLast());
        } else {
            e.as.movRegReg(e.regs.arg1(), e.regs.parentArg2());
            e.as.movRegReg(e.regs.arg2(), e.regs.parentArg3());
            e.as.movRegReg(e.regLocalLast(), e.regs.parentArg4());
        }

        // the call must have exactly the positional arguments; else mp_arg_check_num_sig raises
        int slot = e.labelSlot();
        e.as.jumpIfRegNonzero(e.regs.arg2(), slot + 4, true);
        e.as.movRegImm(e.regs.arg3(), s.numPosArgs());
        e.as.jumpIfRegEq(e.regs.arg1(), e.regs.arg3(), slot + 5);
        e.as.labelAssign(slot + 4);
        e.as.movRegImm(e.regs.arg3(), funSig(s.numPosArgs(), s.numPosArgs(), false));
        e.as.callInd(RuntimeFunction.ARG_CHECK_NUM_SIG.index());
        e.as.labelAssign(slot + 5);

        for (int i = 0; i < s.numPosArgs(); i++) {
            int r = e.regs.arg1();
            e.as.loadRegRegOffset(e.regs.arg1(), e.regLocalLast(), i);
            if (e.localVtype[i] != VType.PYOBJ) {
                e.callWithImmArg(RuntimeFunction.CONVERT_OBJ_TO_NATIVE, e.localVtype[i].code(), e.regs.arg2());
                r = e.regs.ret();
            }
            // REG_LOCAL_LAST still points at the arguments: it takes its local last
            if (i < NativeFrame.MAX_REGS_FOR_LOCAL_VARS && e.canUseRegsForLocals()
                    && (i != NativeFrame.MAX_REGS_FOR_LOCAL_VARS - 1 || s.numPosArgs() == NativeFrame.MAX_REGS_FOR_LOCAL_VARS)) {
                e.as.movRegReg(e.regLocal(i), r);
            } else {
                e.movStateReg(e.localIdxLocalVar(i), r);
            }
        }
        if (s.numPosArgs() >= NativeFrame.MAX_REGS_FOR_LOCAL_VARS + 1 && e.canUseRegsForLocals()) {
            e.as.movRegLocal(e.regLocalLast(), e.localIdxLocalVar(NativeFrame.MAX_REGS_FOR_LOCAL_VARS - 1));
        }

        e.exc.globalEntry();
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
        e.as.loadRegRegOffset(via, funObjReg, NativeFrame.OFFSETOF_OBJ_FUN_BC_CONTEXT);
        e.as.loadRegRegOffset(e.regQstrTable(), via, NativeFrame.OFFSETOF_MODULE_CONTEXT_QSTR_TABLE);
        e.as.loadRegRegOffset(via, via, NativeFrame.OFFSETOF_MODULE_CONTEXT_OBJ_TABLE);
        e.as.loadRegRegOffset(e.regs.funTable(), via, funTableOff);
    }

    /** A native function's entry: its code state set up by mp_setup_code_state, e.as bytecode's. */
    private void nativeEntry(Scope s, int funTableOff) {
        e.nState = s.numLocals() + s.stackSize();

        // the first word points the runtime at the prelude (mp_obj_fun_native_get_prelude_ptr)
        e.as.data(e.as.wordSize(), preludePtrIndex);

        if (e.isGenerator()) {
            e.as.data(e.as.wordSize(), startOffset);
            e.as.entry(e.codeStateStart);

            // the state is in the generator object
            e.codeStateStart = 0;
            e.stackStart = NativeFrame.SIZEOF_CODE_STATE;

            if (e.as.argsOnStack()) {
                e.as.movArgToReg(0, e.regGeneratorState());
            } else {
                e.as.movRegReg(e.regGeneratorState(), e.regs.parentArg1());
            }
            // the value thrown in, for yield and yield from
            if (e.as.argsOnStack()) {
                e.as.movArgToReg(1, e.regs.parentArg2());
            }
            e.as.movLocalReg(e.localIdxThrowVal(), e.regs.parentArg2());

            e.as.loadRegRegOffset(e.regs.temp0(), e.regGeneratorState(), e.localIdxFunObj());
            loadFunTable(e.regs.temp0(), e.regs.temp0(), funTableOff);
        } else {
            e.stackStart = e.codeStateStart + NativeFrame.SIZEOF_CODE_STATE;
            e.as.entry(e.stackStart + e.nState);
            if (e.as.argsOnStack()) {
                e.as.movArgToReg(0, e.regs.parentArg1());
                e.as.movArgToReg(1, e.regs.parentArg2());
                e.as.movArgToReg(2, e.regs.parentArg3());
                e.as.movArgToReg(3, e.regs.parentArg4());
            }
            loadFunTable(e.regs.parentArg1(), e.regs.funTable(), funTableOff);

            e.as.movLocalReg(e.localIdxFunObj(), e.regs.parentArg1());
            // n_state is a uint16_t; a word store is fine on little-endian targets
            e.movStateImmVia(e.codeStateStart + NativeFrame.OFFSETOF_CODE_STATE_N_STATE, e.nState, e.regs.arg1());

            // mp_setup_code_state(code_state, n_args, n_kw, args)
            e.as.movRegLocalAddr(e.regs.arg1(), e.codeStateStart);
            if (e.regs.arg2() != e.regs.parentArg2()) {
                e.as.movRegReg(e.regs.arg2(), e.regs.parentArg2());
            }
            if (e.regs.arg3() != e.regs.parentArg3()) {
                e.as.movRegReg(e.regs.arg3(), e.regs.parentArg3());
            }
            if (e.regs.arg4() != e.regs.parentArg4()) {
                e.as.movRegReg(e.regs.arg4(), e.regs.parentArg4());
            }
            e.as.callSetupCodeState(RuntimeFunction.SETUP_CODE_STATE.index());
        }

        e.exc.globalEntry();

        if (e.canUseRegsForLocals()) {
            for (int i = 0; i < NativeFrame.MAX_REGS_FOR_LOCAL_VARS && i < s.numLocals(); i++) {
                e.as.movRegLocal(e.regLocal(i), e.localIdxLocalVar(i));
            }
        }

        // closed-over variables are objects (cells)
        for (IdInfo id : s.ids()) {
            if (id.kind() == IdKind.CELL) {
                e.localVtype[id.localNum()] = VType.PYOBJ;
            }
        }
    }

    /** Set where a generator's first entry starts (after the global exception handler's code). */
    /** Where a generator's first entry starts (after the global exception handler's code). */
    void markStartOffset() {
        startOffset = e.as.codeOffset();
    }

    /** emit_native_end_pass: the exit code, the prelude (native code), and the finished function. */
    void end() {
        e.exc.globalExit();

        if (!e.viper) {
            // the bytecode-style prelude goes after the code
            preludeOffset = e.as.codeOffset();
            preludePtrIndex = e.common.childCount();

            e.as.emitBytes(new Prelude(Math.max(e.nState, 1), 0, e.scope.flags() & Scope.FLAG_ALL_SIG,
                    e.scope.numPosArgs(), e.scope.numKwonlyArgs(), e.scope.numDefPosArgs()).bytes());
            e.as.emitBytes(Prelude.sizeBytes(nInfo, nCell));

            int infoStart = e.as.codeOffset();
            codeInfoQstr(e.scope.simpleName());
            for (String name : BytecodeEmitter.parameterNames(e.scope)) {
                codeInfoQstr(name);
            }
            nInfo = e.as.codeOffset() - infoStart;

            int cellStart = e.as.codeOffset();
            for (int local : BytecodeEmitter.cellLocals(e.scope)) {
                e.as.data(1, local);
            }
            nCell = e.as.codeOffset() - cellStart;
        }

        e.as.endPass();

        if (e.stack.size() != 0 || e.exc.depth() != 0) {
            throw EmitException.abort("unbalanced value or exception e.stack in native code");
        }

        if (e.pass == Pass.EMIT) {
            byte[] code = e.as.code();
            List<CodeHolder> children = e.common.children();
            if (e.viper) {
                // mpy-cross saves 0 for a e.viper function's flags: no rodata, BSS or relocations
                e.scope.code().assign(children, done -> new ViperFunction(code, 0, null, 0, List.of(), done));
            } else {
                // mp_raw_code_t keeps the prelude offset in 16 bits, and so does the .mpy
                int at = preludeOffset & 0xffff;
                e.scope.code().assign(children, done -> nativePy(code, at, done));
            }
        }
    }

    private static RawCode nativePy(byte[] code, int preludeOffset, List<RawCode> children) {
        return new NativePyFunction(code, preludeOffset, children);
    }

    private void codeInfoQstr(String q) {
        e.as.emitBytes(Uint.bytes(e.common.useQstr(q)));
    }
}
