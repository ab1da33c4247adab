package freezer.core.emit;

import freezer.core.ErrorType;
import freezer.core.compile.Scope;
import freezer.core.compile.ScopeKind;

/**
 * Building collections, making functions and closures, and calls, in native code
 * (emit_native_build, _store_map, _store_comp, _unpack_*, _make_function, _make_closure,
 * _call_function, _call_method): all through the runtime, on objects; a call of a viper type
 * name ({@code int(x)}, {@code ptr8(buf)}) is a cast instead.
 */
final class NativeCalls {
    private final NativeEmitter e;

    NativeCalls(NativeEmitter e) {
        this.e = e;
    }

    void build(int n, Emitter.Build kind) {
        if (kind == Emitter.Build.SLICE) {
            buildSlice(n);
            return;
        }
        RuntimeFunction f = switch (kind) {
            case TUPLE -> RuntimeFunction.BUILD_TUPLE;
            case LIST -> RuntimeFunction.BUILD_LIST;
            case MAP -> RuntimeFunction.BUILD_MAP;
            default -> RuntimeFunction.BUILD_SET;
        };
        if (kind != Emitter.Build.MAP) {
            e.stack.pointerForPop(e.regs.arg2(), n);
        }
        e.callWithImmArg(f, n, e.regs.arg1());
        e.stack.pushReg(VType.PYOBJ, e.regs.ret());
    }

    private void buildSlice(int n) {
        if (n == 2) {
            VType stop = e.stack.pop(e.regs.arg2());
            VType start = e.stack.pop(e.regs.arg1());
            e.requireObject(start, "a slice of native ints");
            e.requireObject(stop, "a slice of native ints");
            e.movRegConst(e.regs.arg3(), RuntimeFunction.CONST_NONE_OBJ.index());
        } else {
            VType step = e.stack.pop(e.regs.arg3());
            VType stop = e.stack.pop(e.regs.arg2());
            VType start = e.stack.pop(e.regs.arg1());
            e.requireObject(start, "a slice of native ints");
            e.requireObject(stop, "a slice of native ints");
            e.requireObject(step, "a slice of native ints");
        }
        e.call(RuntimeFunction.NEW_SLICE);
        e.stack.pushReg(VType.PYOBJ, e.regs.ret());
    }

    void storeMap() {
        VType key = e.stack.pop(e.regs.arg2());
        VType value = e.stack.pop(e.regs.arg3());
        VType map = e.stack.pop(e.regs.arg1());
        e.requireObject(key, "a dict entry of a native value");
        e.requireObject(value, "a dict entry of a native value");
        e.requireObject(map, "a dict entry of a native value");
        e.call(RuntimeFunction.STORE_MAP);
        e.stack.pushReg(VType.PYOBJ, e.regs.ret());
    }

    void storeComp(ScopeKind kind, int collectionStackIndex) {
        RuntimeFunction f;
        if (kind == ScopeKind.LIST_COMP) {
            e.requireObject(e.stack.pop(e.regs.arg2()), "a comprehension of native values");
            f = RuntimeFunction.LIST_APPEND;
        } else if (kind == ScopeKind.SET_COMP) {
            e.requireObject(e.stack.pop(e.regs.arg2()), "a comprehension of native values");
            f = RuntimeFunction.STORE_SET;
        } else {
            VType key = e.stack.pop(e.regs.arg2());
            VType value = e.stack.pop(e.regs.arg3());
            e.requireObject(key, "a comprehension of native values");
            e.requireObject(value, "a comprehension of native values");
            f = RuntimeFunction.STORE_MAP;
        }
        e.requireObject(e.stack.access(collectionStackIndex, e.regs.arg1()), "a comprehension of native values");
        e.call(f);
    }

    void unpackSequence(int n) {
        e.requireObject(e.stack.pop(e.regs.arg1()), "unpacking a native value");
        e.stack.pointerForPush(e.regs.arg3(), n);
        e.callWithImmArg(RuntimeFunction.UNPACK_SEQUENCE, n, e.regs.arg2());
    }

    void unpackEx(int nLeft, int nRight) {
        e.requireObject(e.stack.pop(e.regs.arg1()), "unpacking a native value");
        e.stack.pointerForPush(e.regs.arg3(), nLeft + nRight + 1);
        e.callWithImmArg(RuntimeFunction.UNPACK_EX, nLeft | ((long) nRight << 8), e.regs.arg2());
    }

    void makeFunction(Scope child, int nPosDefaults, int nKwDefaults) {
        e.movRegState(e.regs.arg2(), e.localIdxFunObj());
        e.as.loadRegRegOffset(e.regs.arg2(), e.regs.arg2(), NativeFrame.OFFSETOF_OBJ_FUN_BC_CONTEXT);
        if (nPosDefaults == 0 && nKwDefaults == 0) {
            e.stack.needRegAll();
            e.as.movRegImm(e.regs.arg3(), 0);
        } else {
            e.stack.pointerForPop(e.regs.arg3(), 2);
            e.stack.needRegAll();
        }
        e.loadRegWithChild(e.regs.arg1(), child);
        e.as.callInd(RuntimeFunction.MAKE_FUNCTION_FROM_PROTO_FUN.index());
        e.stack.pushReg(VType.PYOBJ, e.regs.ret());
    }

    void makeClosure(Scope child, int nClosedOver, int nPosDefaults, int nKwDefaults) {
        e.movRegState(e.regs.arg2(), e.localIdxFunObj());
        e.as.loadRegRegOffset(e.regs.arg2(), e.regs.arg2(), NativeFrame.OFFSETOF_OBJ_FUN_BC_CONTEXT);
        boolean defaults = nPosDefaults != 0 || nKwDefaults != 0;
        if (!defaults) {
            e.stack.needRegAll();
            e.as.movRegImm(e.regs.arg3(), 0);
        } else {
            e.stack.pointerForPop(e.regs.arg3(), 2 + nClosedOver);
            e.stack.adjust(2 + nClosedOver);
            e.stack.needRegAll();
        }
        e.loadRegWithChild(e.regs.arg1(), child);
        e.as.callInd(RuntimeFunction.MAKE_FUNCTION_FROM_PROTO_FUN.index());

        if (e.regs.arg1() != e.regs.ret()) {
            e.as.movRegReg(e.regs.arg1(), e.regs.ret());
        }
        e.as.movRegImm(e.regs.arg2(), nClosedOver);
        e.stack.pointerForPop(e.regs.arg3(), nClosedOver);
        if (defaults) {
            e.stack.adjust(-2);
        }
        e.as.callInd(RuntimeFunction.NEW_CLOSURE.index());
        e.stack.pushReg(VType.PYOBJ, e.regs.ret());
    }

    void callFunction(int nPositional, int nKeyword, int starFlags) {
        VType vtypeFun = e.stack.peekVtype(nPositional + 2 * nKeyword);
        if (vtypeFun == VType.BUILTIN_CAST) {
            castCall(nPositional, nKeyword, starFlags);
            return;
        }
        e.requireObject(vtypeFun, "calling a native value");
        if (starFlags != 0) {
            e.stack.pointerForPop(e.regs.arg3(), nPositional + 2 * nKeyword + 2);
            e.callWith2ImmArgs(RuntimeFunction.CALL_METHOD_N_KW_VAR, 0, e.regs.arg1(),
                    nPositional | ((long) nKeyword << 8), e.regs.arg2());
        } else {
            if (nPositional != 0 || nKeyword != 0) {
                e.stack.pointerForPop(e.regs.arg3(), nPositional + 2 * nKeyword);
            }
            e.stack.pop(e.regs.arg1());
            e.callWithImmArg(RuntimeFunction.NATIVE_CALL_FUNCTION_N_KW, nPositional | ((long) nKeyword << 8),
                    e.regs.arg2());
        }
        e.stack.pushReg(VType.PYOBJ, e.regs.ret());
    }

    /** {@code int(x)}, {@code ptr8(buf)} ...: a e.viper cast. */
    private void castCall(int nPositional, int nKeyword, int starFlags) {
        if (nPositional != 1 || nKeyword != 0 || starFlags != 0) {
            throw EmitException.abort("a e.viper cast with other than one positional argument");
        }
        VType cast = VType.ofNativeType((int) e.stack.peek(1).imm);
        switch (e.stack.peekVtype(0)) {
            case PYOBJ -> {
                e.stack.pop(e.regs.arg1());
                e.stack.popDiscard();
                e.callWithImmArg(RuntimeFunction.CONVERT_OBJ_TO_NATIVE, cast.code(), e.regs.arg2());
                e.stack.pushReg(cast, e.regs.ret());
            }
            case BOOL, INT, UINT, PTR, PTR8, PTR16, PTR32, PTR_NONE -> {
                e.stack.foldTop(e.regs.arg1());
                e.stack.setTopVtype(cast);
            }
            // a cast of a cast: int(int)
            default -> throw EmitException.raised(ErrorType.NotImplementedError, "casting");
        }
    }

    void callMethod(int nPositional, int nKeyword, int starFlags) {
        if (starFlags != 0) {
            e.stack.pointerForPop(e.regs.arg3(), nPositional + 2 * nKeyword + 3);
            e.callWith2ImmArgs(RuntimeFunction.CALL_METHOD_N_KW_VAR, 1, e.regs.arg1(),
                    nPositional | ((long) nKeyword << 8), e.regs.arg2());
        } else {
            e.stack.pointerForPop(e.regs.arg3(), 2 + nPositional + 2 * nKeyword);
            e.callWith2ImmArgs(RuntimeFunction.CALL_METHOD_N_KW, nPositional, e.regs.arg1(), nKeyword, e.regs.arg2());
        }
        e.stack.pushReg(VType.PYOBJ, e.regs.ret());
    }
}
