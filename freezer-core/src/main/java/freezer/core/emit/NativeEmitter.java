package freezer.core.emit;

import freezer.core.ErrorType;
import freezer.core.bytecode.BinaryOp;
import freezer.core.bytecode.UnaryOp;
import freezer.core.compile.Scope;
import freezer.core.compile.ScopeKind;
import freezer.core.emit.asm.NativeAssembler;
import freezer.core.lexer.TokenKind;
import freezer.core.parse.ConstValue;
import java.util.function.IntSupplier;

/**
 * Emits one scope as machine code for {@code @micropython.native} and
 * {@code @micropython.viper} functions (py/emitnative.c), over the {@link NativeAssembler} of
 * the target. Native code does what the bytecode would, through calls into mp_fun_table;
 * viper code also keeps ints, bools and pointers in machine registers, typed as it goes
 * ({@link VType}), and reports type errors as ViperTypeError.
 *
 * <p>The work is shared out as emitnative.c's sections are: {@link NativeFrame} (the frame and
 * the moves), {@link NativeStack} (the value stack), {@link NativeEntry} (entry code and the
 * prelude), {@link NativeExceptions}, {@link ViperOps} (operators and subscripts) and
 * {@link NativeCalls}; this class is the {@link Emitter} the compiler talks to, with names,
 * stack shuffles, jumps, loops, returns and yields.
 */
public final class NativeEmitter extends NativeFrame implements Emitter {
    final NativeExceptions exc = new NativeExceptions(this);
    private final NativeEntry entry = new NativeEntry(this);
    private final ViperOps ops = new ViperOps(this);
    private final NativeCalls calls = new NativeCalls(this);

    /**
     * @param sizeofNlrBuf nlr_buf_t in words as mpy-cross sizes it: 2 + the target's
     *     nlr_buf_num_regs + 1
     */
    public NativeEmitter(EmitCommon common, ErrorSlot errors, IntSupplier labelSlot, NativeAssembler as,
            int sizeofNlrBuf) {
        super(common, errors, labelSlot, as, sizeofNlrBuf);
    }

    // Passes.

    @Override
    public void startPass(Pass p, Scope s) {
        entry.start(p, s);
    }

    @Override
    public boolean endPass() {
        entry.end();
        return true;
    }

    /** Where a generator's first entry starts (after the global exception handler's code). */
    void markStartOffset() {
        entry.markStartOffset();
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

    // Collections, functions and calls.

    @Override
    public void build(int n, Build kind) {
        calls.build(n, kind);
    }

    @Override
    public void storeMap() {
        calls.storeMap();
    }

    @Override
    public void storeComp(ScopeKind kind, int collectionStackIndex) {
        calls.storeComp(kind, collectionStackIndex);
    }

    @Override
    public void unpackSequence(int n) {
        calls.unpackSequence(n);
    }

    @Override
    public void unpackEx(int nLeft, int nRight) {
        calls.unpackEx(nLeft, nRight);
    }

    @Override
    public void makeFunction(Scope child, int nPosDefaults, int nKwDefaults) {
        calls.makeFunction(child, nPosDefaults, nKwDefaults);
    }

    @Override
    public void makeClosure(Scope child, int nClosedOver, int nPosDefaults, int nKwDefaults) {
        calls.makeClosure(child, nClosedOver, nPosDefaults, nKwDefaults);
    }

    @Override
    public void callFunction(int nPositional, int nKeyword, int starFlags) {
        calls.callFunction(nPositional, nKeyword, starFlags);
    }

    @Override
    public void callMethod(int nPositional, int nKeyword, int starFlags) {
        calls.callMethod(nPositional, nKeyword, starFlags);
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
