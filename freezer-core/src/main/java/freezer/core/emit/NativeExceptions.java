package freezer.core.emit;

import freezer.core.compile.Scope;
import freezer.core.emit.asm.NativeAssembler;
import freezer.core.emit.asm.NativeRegisters;
import java.util.ArrayList;
import java.util.List;

/**
 * Exceptions in native code (the exception-handler half of emitnative.c). A function with
 * handlers, a generator, or one that touches globals runs inside one nlr context, set up at
 * entry ({@link #globalEntry}): when something raises, control comes back there and jumps to
 * the address of the innermost active handler, kept in a frame slot; with none, the exception
 * leaves the function. The emitter tracks the handlers that are open at each point of the code
 * on a stack of its own; finally blocks also finish jumps (break, continue, return) that leave
 * them, through an unwind slot.
 */
final class NativeExceptions {
    /** exc_stack_entry_t's unwind_label: no jump passes through this finally. */
    private static final int UNWIND_LABEL_UNUSED = 0x7fff;
    /** This finally must end a jump whose target is in the unwind slot. */
    private static final int UNWIND_LABEL_DO_FINAL_UNWIND = 0x7ffe;
    /** compile.c's flag on a break label that leaves a for loop (the native emitter ignores it). */
    private static final int BREAK_FROM_FOR = BytecodeEmitter.BREAK_FROM_FOR;

    /** One open handler. */
    private static final class Handler {
        final int label;
        final boolean isFinally;
        int unwindLabel = UNWIND_LABEL_UNUSED;
        boolean active = true;

        Handler(int label, boolean isFinally) {
            this.label = label;
            this.isFinally = isFinally;
        }
    }

    private final NativeEmitter e;
    private final List<Handler> handlers = new ArrayList<>();

    NativeExceptions(NativeEmitter e) {
        this.e = e;
    }

    void reset() {
        handlers.clear();
    }

    int depth() {
        return handlers.size();
    }

    /** With N_NLR_SETJMP the registers are saved by a setjmp into nlr_buf_t's jump buffer (word 2). */
    private void setjmp() {
        if (as().nlrSetjmp()) {
            as().movRegLocalAddr(regs().arg1(), 2);
            e.call(RuntimeFunction.SETJMP);
        }
    }

    private NativeAssembler as() {
        return e.as;
    }

    private NativeRegisters regs() {
        return e.regs;
    }

    /** Whether {@code label} starts the innermost handler and it is a finally block. */
    boolean isFinallyLabel(int label) {
        if (handlers.isEmpty()) {
            return false;
        }
        Handler h = handlers.get(handlers.size() - 1);
        return h.isFinally && h.label == label;
    }

    /** emit_native_push_exc_stack: a handler opens; its address becomes the current one. */
    private void push(int label, boolean isFinally) {
        handlers.add(new Handler(label, isFinally));
        as().movRegPcrel(regs().ret(), label);
        as().movLocalReg(e.localIdxExcHandlerPc(), regs().ret());
    }

    /**
     * emit_native_leave_exc_stack: the innermost handler closes; the next active one outwards
     * becomes current (at the start of a handler with none left, the slot is already clear).
     */
    void leave(boolean startOfHandler) {
        if (handlers.isEmpty()) {
            throw EmitException.abort("leaving an exception handler that is not open in native code");
        }
        handlers.get(handlers.size() - 1).active = false;
        Handler next = null;
        for (int i = handlers.size() - 2; i >= 0; i--) {
            if (handlers.get(i).active) {
                next = handlers.get(i);
                break;
            }
        }
        if (next == null) {
            if (startOfHandler) {
                return;
            }
            as().clrReg(regs().ret());
        } else {
            as().movRegPcrel(regs().ret(), next.label);
        }
        as().movLocalReg(e.localIdxExcHandlerPc(), regs().ret());
    }

    private Handler pop() {
        if (handlers.isEmpty()) {
            throw EmitException.abort("closing an exception handler that is not open in native code");
        }
        return handlers.remove(handlers.size() - 1);
    }

    /**
     * emit_native_global_exc_entry: the function's nlr context (4 labels reserved from the
     * label slot: exit, nlr, start, global except).
     */
    void globalEntry() {
        int slot = e.labelSlot();
        e.exitLabel = slot;
        if (!e.needGlobalExcHandler()) {
            return;
        }
        NativeAssembler as = as();
        NativeRegisters r = regs();
        Scope scope = e.scope;
        boolean generator = e.isGenerator();
        int nlrLabel = slot + 1;
        int startLabel = slot + 2;
        int globalExceptLabel = slot + 3;

        if (!generator) {
            // the function's own globals become current; the old ones are kept to restore
            e.movRegState(r.arg1(), e.localIdxFunObj());
            as.loadRegRegOffset(r.arg1(), r.arg1(), NativeEmitter.OFFSETOF_OBJ_FUN_BC_CONTEXT);
            as.loadRegRegOffset(r.arg1(), r.arg1(), NativeEmitter.OFFSETOF_MODULE_CONTEXT_GLOBALS);
            e.call(RuntimeFunction.NATIVE_SWAP_GLOBALS);
            e.movStateReg(e.localIdxOldGlobals(), r.ret());
        }

        if (scope.excStackSize() == 0) {
            if (!generator) {
                // globals did not change: no nlr context needed
                as.jumpIfRegZero(r.ret(), startLabel, false);
            }
            as.movRegLocalAddr(r.arg1(), 0);
            e.call(RuntimeFunction.NLR_PUSH);
            setjmp();
            as.jumpIfRegZero(r.ret(), startLabel, true);
        } else {
            // no unwind pending, no exception
            e.movLocalNull(e.localIdxExcHandlerUnwind(), e.regZero());
            as.movLocalReg(e.localIdxExcVal(), e.regZero());
            // REG_LOCAL_1 holds where to resume
            as.movRegPcrel(r.local1(), startLabel);

            e.labelAssign(nlrLabel);
            as.movRegLocalAddr(r.arg1(), 0);
            e.call(RuntimeFunction.NLR_PUSH);
            setjmp();
            as.jumpIfRegNonzero(r.ret(), globalExceptLabel, true);

            // clear the handler address and resume
            e.movLocalNull(e.localIdxExcHandlerPc(), e.regZero());
            as.jumpReg(r.local1());

            // an exception: go to the current handler, if there is one
            e.labelAssign(globalExceptLabel);
            as.movRegLocal(r.local1(), e.localIdxExcHandlerPc());
            as.jumpIfRegNonzero(r.local1(), nlrLabel, false);
        }

        if (!generator) {
            e.movRegState(r.arg1(), e.localIdxOldGlobals());
            e.call(RuntimeFunction.NATIVE_SWAP_GLOBALS);
        }

        if (generator) {
            // the exception goes to state[0]; the generator returns "exception"
            as.movRegLocal(r.temp0(), e.localIdxExcVal());
            as.storeRegRegOffset(r.temp0(), e.regGeneratorState(), NativeEmitter.OFFSETOF_CODE_STATE_STATE);
            as.movRegImm(r.parentRet(), NativeEmitter.VM_RETURN_EXCEPTION);
            as.exit();
        } else {
            // raise it to the caller
            as.movRegLocal(r.arg1(), e.localIdxExcVal());
            e.call(RuntimeFunction.NATIVE_RAISE);
        }

        e.labelAssign(startLabel);

        if (generator) {
            // resume where the generator left off
            e.movRegState(r.temp0(), e.localIdxGenPc());
            as.jumpReg(r.temp0());
            e.markStartOffset();

            // the first entry: raise any value thrown in
            as.movRegLocal(r.arg1(), e.localIdxThrowVal());
            e.movLocalNull(e.localIdxThrowVal(), r.arg2());
            e.call(RuntimeFunction.NATIVE_RAISE);
        }
    }

    /** emit_native_global_exc_exit: the end of the function, leaving the nlr context. */
    void globalExit() {
        NativeAssembler as = as();
        NativeRegisters r = regs();
        e.labelAssign(e.exitLabel);

        if (e.needGlobalExcHandler()) {
            boolean generator = e.isGenerator();
            boolean noHandlers = e.scope.excStackSize() == 0;
            if (!generator) {
                e.movRegState(r.arg1(), e.localIdxOldGlobals());
                if (noHandlers) {
                    // globals did not change: no restore and no nlr_pop
                    as.jumpIfRegZero(r.arg1(), e.exitLabel + 1, false);
                }
                e.call(RuntimeFunction.NATIVE_SWAP_GLOBALS);
            }
            e.call(RuntimeFunction.NLR_POP);
            if (!generator && noHandlers) {
                e.labelAssign(e.exitLabel + 1);
            }
            as.movRegLocal(r.parentRet(), e.localIdxRetVal());
        }

        as.exit();
    }

    /**
     * emit_native_unwind_jump: a jump out of {@code exceptDepth} handlers. Without a finally in
     * the way the current handler is reset and the jump made; otherwise each finally passes the
     * jump on to the next, and the outermost one makes it.
     */
    void unwindJump(int label, int exceptDepth) {
        NativeAssembler as = as();
        NativeRegisters r = regs();
        if (exceptDepth > 0) {
            Handler firstFinally = null;
            Handler prevFinally = null;
            int i = handlers.size() - 1;
            for (; exceptDepth > 0; exceptDepth--, i--) {
                Handler h = handlers.get(i);
                if (h.isFinally && h.active) {
                    if (firstFinally == null) {
                        firstFinally = h;
                    }
                    if (prevFinally != null) {
                        prevFinally.unwindLabel = h.label;
                    }
                    prevFinally = h;
                }
            }
            if (prevFinally == null) {
                // no finally: restore the handler outside the jump and jump
                if (i < 0) {
                    as.clrReg(r.ret());
                } else {
                    as.movRegPcrel(r.ret(), handlers.get(i).label);
                }
                as.movLocalReg(e.localIdxExcHandlerPc(), r.ret());
            } else {
                // the last finally makes the jump, to the address in the unwind slot
                prevFinally.unwindLabel = UNWIND_LABEL_DO_FINAL_UNWIND;
                as.movRegPcrel(r.ret(), label & ~BREAK_FROM_FOR);
                as.movLocalReg(e.localIdxExcHandlerUnwind(), r.ret());
                // cancel any active exception
                as.movRegImm(r.ret(), 0);
                as.movLocalReg(e.localIdxExcVal(), r.ret());
                label = firstFinally.label;
            }
        }
        e.jump(label & ~BREAK_FROM_FOR);
    }

    void setupBlock(int label, Emitter.Block kind) {
        if (kind == Emitter.Block.WITH) {
            setupWith(label);
        } else {
            e.stack.needStackSettled();
            push(label, kind == Emitter.Block.FINALLY);
        }
    }

    /** emit_native_setup_with: __exit__ kept, __enter__ called, a finally handler opened. */
    private void setupWith(int label) {
        NativeStack stack = e.stack;
        NativeRegisters r = regs();
        // stack: (..., ctx_mgr)
        e.requireObject(stack.access(1, r.arg1()), "a with statement over a native value");
        stack.pointerForPush(r.arg3(), 2);
        e.callWithQstrArg(RuntimeFunction.LOAD_METHOD, "__exit__", r.arg2());
        // stack: (..., ctx_mgr, __exit__, self)
        stack.pop(r.arg3());
        stack.pop(r.arg2());
        VType vtype = stack.pop(r.arg1());
        stack.pushReg(vtype, r.arg2());
        stack.pushReg(vtype, r.arg3());
        // stack: (..., __exit__, self), ctx_mgr in REG_ARG_1

        stack.pointerForPush(r.arg3(), 2);
        e.callWithQstrArg(RuntimeFunction.LOAD_METHOD, "__enter__", r.arg2());
        // stack: (..., __exit__, self, __enter__, self)
        stack.pointerForPop(r.arg3(), 2);
        e.callWith2ImmArgs(RuntimeFunction.CALL_METHOD_N_KW, 0, r.arg1(), 0, r.arg2());
        stack.pushReg(VType.PYOBJ, r.ret());
        // stack: (..., __exit__, self, as_value)

        stack.needStackSettled();
        push(label, true);
        e.dupTop();
        // stack: (..., __exit__, self, as_value, as_value)
    }

    /** emit_native_with_cleanup (3 labels reserved from the label slot). */
    void withCleanup(int label) {
        NativeAssembler as = as();
        NativeRegisters r = regs();
        NativeStack stack = e.stack;
        int slot = e.labelSlot();
        // stack: (..., __exit__, self, as_value)
        leave(false);
        stack.adjust(-1);

        // __exit__ called on a normal exit or from an unwind jump
        e.labelAssign(slot + 2);
        stack.pushImm(VType.PTR_NONE, 0);
        stack.pushImm(VType.PTR_NONE, 0);
        stack.pushImm(VType.PTR_NONE, 0);
        stack.pointerForPop(r.arg3(), 5);
        e.callWith2ImmArgs(RuntimeFunction.CALL_METHOD_N_KW, 3, r.arg1(), 0, r.arg2());
        e.jump(slot);

        // the handler proper (a plain label: no finally bookkeeping here)
        as.labelAssign(label);
        leave(true);
        // __exit__ and self (as_value, above them, is dropped)
        stack.adjustStackSize(2);
        as.movRegLocal(r.arg1(), e.localIdxExcVal());
        // no exception: an unwind jump
        as.jumpIfRegZero(r.arg1(), slot + 2, false);

        as.loadRegRegOffset(r.arg2(), r.arg1(), 0);
        stack.pushReg(VType.PYOBJ, r.arg2());
        stack.pushReg(VType.PYOBJ, r.arg1());
        stack.pushImm(VType.PTR_NONE, 0);
        // stack: (..., __exit__, self, type(exc), exc, traceback)
        stack.pointerForPop(r.arg3(), 5);
        e.callWith2ImmArgs(RuntimeFunction.CALL_METHOD_N_KW, 3, r.arg1(), 0, r.arg2());

        // a true result swallows the exception
        if (r.arg1() != r.ret()) {
            as.movRegReg(r.arg1(), r.ret());
        }
        e.call(RuntimeFunction.OBJ_IS_TRUE);
        as.jumpIfRegZero(r.ret(), slot + 1, true);

        e.labelAssign(slot);
        e.movLocalNull(e.localIdxExcVal(), r.temp0());

        e.labelAssign(slot + 1);
        // the exception is in nlr_buf.ret_val
        stack.adjust(1);
    }

    /** emit_native_async_with_setup_finally. */
    void asyncWithSetupFinally(int labelAexitNoExc, int labelFinallyBlock, int labelRetUnwindJump) {
        NativeStack stack = e.stack;
        NativeRegisters r = regs();
        // the body ran to its end: make the stack look as the __aexit__ call expects
        stack.adjustStackSize(1);
        e.rotTwo();
        e.loadConstTok(freezer.core.lexer.TokenKind.KW_NONE);
        e.rotTwo();
        e.jump(labelAexitNoExc);
        stack.adjustStackSize(-1);

        // the finally block: an exception, a return or an unwind jump
        e.labelAssign(labelFinallyBlock);
        stack.popDiscard();
        as().movRegLocal(r.arg1(), e.localIdxExcVal());
        stack.pushReg(VType.PYOBJ, r.arg1());
        as().jumpIfRegZero(r.arg1(), labelRetUnwindJump, false);
    }

    /** emit_native_end_finally: re-raise any exception, then finish a jump passing through (1 label reserved). */
    void endFinally() {
        NativeAssembler as = as();
        NativeRegisters r = regs();
        e.stack.popDiscard();
        as.movRegLocal(r.arg1(), e.localIdxExcVal());
        e.call(RuntimeFunction.NATIVE_RAISE);

        Handler h = pop();
        if (h.unwindLabel != UNWIND_LABEL_UNUSED) {
            int slot = e.labelSlot();
            as.movRegLocal(r.ret(), e.localIdxExcHandlerUnwind());
            as.jumpIfRegZero(r.ret(), slot, false);
            if (h.unwindLabel == UNWIND_LABEL_DO_FINAL_UNWIND) {
                as.jumpReg(r.ret());
            } else {
                e.jump(h.unwindLabel);
            }
            e.labelAssign(slot);
        }
    }

    void popExceptJump(int label, boolean withinExcHandler) {
        if (withinExcHandler) {
            // later handlers must not see this exception
            e.movLocalNull(e.localIdxExcVal(), regs().temp0());
        } else {
            leave(false);
        }
        e.jump(label);
    }

    /** The protected block is over; its exception (from nlr_buf.ret_val) goes on the stack. */
    void startExceptHandler() {
        leave(true);
        as().movRegLocal(regs().temp0(), e.localIdxExcVal());
        e.stack.pushReg(VType.PYOBJ, regs().temp0());
    }

    /** After a yield: the innermost active handler is current again. */
    void reopenActiveHandler() {
        for (int i = handlers.size() - 1; i >= 0; i--) {
            Handler h = handlers.get(i);
            if (h.active) {
                as().movRegPcrel(regs().ret(), h.label);
                as().movLocalReg(e.localIdxExcHandlerPc(), regs().ret());
                return;
            }
        }
    }
}
