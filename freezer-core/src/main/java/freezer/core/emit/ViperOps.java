package freezer.core.emit;

import freezer.core.bytecode.BinaryOp;
import freezer.core.bytecode.UnaryOp;
import freezer.core.emit.asm.NativeAssembler.Shift;
import freezer.core.emit.asm.NativeAssembler.Width;
import freezer.core.emit.asm.NativeAssembler;
import freezer.core.emit.asm.NativeRegisters;

/**
 * Operators and subscripts in native code (emit_native_unary_op, emit_native_binary_op,
 * emit_native_load_subscr, emit_native_store_subscr): objects go through the runtime; viper's
 * machine ints are added, shifted and compared in registers, and viper's pointers are read and
 * written directly.
 */
final class ViperOps {
    private final NativeEmitter e;

    ViperOps(NativeEmitter e) {
        this.e = e;
    }

    private static Width width(VType pointer) {
        return switch (pointer) {
            case PTR8 -> Width.BITS8;
            case PTR16 -> Width.BITS16;
            case PTR32 -> Width.BITS32;
            default -> null;
        };
    }

    /** log2 of the element size of a pointer width. */
    private static int shift(Width w) {
        return w.ordinal();
    }

    void loadSubscr() {
        NativeStack stack = e.stack;
        NativeAssembler as = e.as;
        NativeRegisters r = e.regs;
        if (stack.peekVtype(1) == VType.PYOBJ) {
            // base[index] through the runtime, the index made an object first
            if (stack.peekVtype(0) == VType.PYOBJ) {
                stack.pop(r.arg2());
            } else {
                VType index = stack.pop(r.arg1());
                e.callWithImmArg(RuntimeFunction.CONVERT_NATIVE_TO_OBJ, index.code(), r.arg2());
                as.movRegReg(r.arg2(), r.ret());
            }
            stack.pop(r.arg1());
            e.callWithImmArg(RuntimeFunction.OBJ_SUBSCR, NativeEmitter.subscrLoadSentinel(), r.arg3());
            stack.pushReg(VType.PYOBJ, r.ret());
            return;
        }
        NativeStack.Entry top = stack.peek(0);
        if (top.vtype == VType.INT && top.kind == NativeStack.Kind.IMM) {
            long index = top.imm;
            stack.popDiscard();
            int regIndex = r.arg2();
            NativeStack.Popped base = stack.popFlexible(r.arg1(), regIndex, regIndex);
            stack.needRegSingle(r.ret(), 0);
            Width w = width(base.vtype());
            if (w == null) {
                e.viperTypeError("can't load from '" + base.vtype().typeName() + "'");
            } else {
                as.loadOffset(w, r.ret(), base.reg(), (int) index);
            }
        } else {
            NativeStack.Popped index = stack.popFlexible(r.arg2(), r.arg1(), r.arg1());
            VType base = stack.pop(r.arg1());
            stack.needRegSingle(r.ret(), 0);
            if (!index.vtype().isInt()) {
                e.viperTypeError("can't load with '" + index.vtype().typeName() + "' index");
            }
            Width w = width(base);
            if (w == null) {
                e.viperTypeError("can't load from '" + base.typeName() + "'");
            } else if (as.hasLoadIndexed(w)) {
                as.loadIndexed(w, r.ret(), r.arg1(), index.reg());
            } else {
                // base + index * size, by repeated adds
                for (int i = 0; i < 1 << shift(w); i++) {
                    as.addRegReg(r.arg1(), index.reg());
                }
                as.load(w, r.ret(), r.arg1());
            }
        }
        stack.pushReg(VType.INT, r.ret());
    }

    void storeSubscr() {
        NativeStack stack = e.stack;
        NativeAssembler as = e.as;
        NativeRegisters r = e.regs;
        if (stack.peekVtype(1) == VType.PYOBJ) {
            if (stack.peekVtype(0) != VType.PYOBJ || stack.peekVtype(2) != VType.PYOBJ) {
                // the index or the value is a viper value: make all three objects in their slots
                stack.pointerForPop(r.arg1(), 3);
                stack.adjust(3);
            }
            stack.pop(r.arg2());
            stack.pop(r.arg1());
            stack.pop(r.arg3());
            e.call(RuntimeFunction.OBJ_SUBSCR);
            return;
        }
        NativeStack.Entry top = stack.peek(0);
        int regValue = r.arg3();
        if (top.vtype == VType.INT && top.kind == NativeStack.Kind.IMM) {
            long index = top.imm;
            stack.popDiscard();
            int regIndex = r.arg2();
            NativeStack.Popped base = stack.popFlexible(r.arg1(), regIndex, regValue);
            VType value;
            if (as.storeValueNeedsArg3()) {
                value = stack.pop(regValue);
            } else {
                NativeStack.Popped v = stack.popFlexible(regValue, base.reg(), regIndex);
                value = v.vtype();
                regValue = v.reg();
            }
            checkStorable(value);
            Width w = width(base.vtype());
            if (w == null) {
                e.viperTypeError("can't store to '" + base.vtype().typeName() + "'");
            } else {
                as.storeOffset(w, regValue, base.reg(), (int) index);
            }
        } else {
            NativeStack.Popped index = stack.popFlexible(r.arg2(), r.arg1(), regValue);
            VType base = stack.pop(r.arg1());
            if (!index.vtype().isInt()) {
                e.viperTypeError("can't store with '" + index.vtype().typeName() + "' index");
            }
            VType value;
            if (as.storeValueNeedsArg3()) {
                value = stack.pop(regValue);
            } else {
                NativeStack.Popped v = stack.popFlexible(regValue, r.arg1(), index.reg());
                value = v.vtype();
                regValue = v.reg();
            }
            checkStorable(value);
            Width w = width(base);
            if (w == null) {
                e.viperTypeError("can't store to '" + base.typeName() + "'");
            } else if (as.hasStoreIndexed(w)) {
                as.storeIndexed(w, regValue, r.arg1(), index.reg());
            } else {
                for (int i = 0; i < 1 << shift(w); i++) {
                    as.addRegReg(r.arg1(), index.reg());
                }
                as.store(w, regValue, r.arg1());
            }
        }
    }

    private void checkStorable(VType value) {
        if (value != VType.BOOL && !value.isInt()) {
            e.viperTypeError("can't store '" + value.typeName() + "'");
        }
    }

    void unaryOp(UnaryOp op) {
        NativeStack stack = e.stack;
        NativeAssembler as = e.as;
        NativeRegisters r = e.regs;
        VType vtype = stack.peekVtype(0);
        if (vtype.isInt()) {
            switch (op) {
                case POSITIVE -> {
                    // the value stays as it is
                }
                case NEGATIVE -> {
                    // in place, even in a local's own register (as upstream)
                    NativeStack.Popped p = stack.popFlexible(r.ret(), r.ret(), r.ret());
                    as.negReg(p.reg());
                    stack.pushReg(p.vtype(), p.reg());
                }
                case INVERT -> {
                    NativeStack.Popped p;
                    if (as.hasNotReg()) {
                        p = stack.popFlexible(r.ret(), r.ret(), r.ret());
                        as.notReg(p.reg());
                    } else {
                        p = stack.popFlexible(r.ret(), r.arg1(), r.ret());
                        as.movRegImm(r.arg1(), -1);
                        as.xorRegReg(p.reg(), r.arg1());
                    }
                    stack.pushReg(p.vtype(), p.reg());
                }
                default -> e.viperTypeError("'not' not implemented");
            }
        } else if (vtype == VType.PYOBJ) {
            stack.pop(r.arg2());
            e.callWithImmArg(RuntimeFunction.UNARY_OP, op.ordinal(), r.arg1());
            stack.pushReg(VType.PYOBJ, r.ret());
        } else {
            e.viperTypeError("can't do unary op of '" + vtype.typeName() + "'");
        }
    }

    /** A binary operator; {@code invert} makes {@code in} and {@code is} into {@code not in} and {@code is not}. */
    void binaryOp(BinaryOp op, boolean invert) {
        NativeStack stack = e.stack;
        VType lhs = stack.peekVtype(1);
        VType rhs = stack.peekVtype(0);
        if (lhs.isInt() && rhs.isInt()) {
            intOp(op, invert);
        } else if (lhs == VType.PYOBJ && rhs == VType.PYOBJ) {
            NativeRegisters r = e.regs;
            stack.pop(r.arg3());
            stack.pop(r.arg2());
            e.callWithImmArg(RuntimeFunction.BINARY_OP, op.ordinal(), r.arg1());
            if (invert) {
                e.as.movRegReg(r.arg2(), r.ret());
                e.callWithImmArg(RuntimeFunction.UNARY_OP, UnaryOp.NOT.ordinal(), r.arg1());
            }
            stack.pushReg(VType.PYOBJ, r.ret());
        } else {
            stack.adjust(-1);
            e.viperTypeError("can't do binary op between '" + lhs.typeName() + "' and '" + rhs.typeName() + "'");
        }
    }

    /** Two viper ints: in-place and plain operators are the same. */
    private void intOp(BinaryOp op, boolean invert) {
        NativeStack stack = e.stack;
        NativeAssembler as = e.as;
        NativeRegisters r = e.regs;
        if (op.compareTo(BinaryOp.INPLACE_OR) >= 0 && op.compareTo(BinaryOp.INPLACE_POWER) <= 0) {
            op = BinaryOp.at(op.ordinal() + BinaryOp.OR.ordinal() - BinaryOp.INPLACE_OR.ordinal());
        }
        boolean isShift = op == BinaryOp.LSHIFT || op == BinaryOp.RSHIFT;
        if (isShift && as.shiftCountReg() >= 0) {
            // x86 and x64 shift by CL only
            stack.pop(as.shiftCountReg());
            VType lhs = stack.pop(r.ret());
            as.shiftByCountReg(shiftOf(op, lhs), r.ret());
            stack.pushReg(lhs, r.ret());
            return;
        }
        if (op == BinaryOp.FLOOR_DIVIDE || op == BinaryOp.MODULO) {
            stack.pop(r.arg2());
            VType lhs = stack.pop(r.arg1());
            if (lhs != VType.INT) {
                e.viperTypeError("div/mod not implemented for uint");
            }
            e.call(op == BinaryOp.FLOOR_DIVIDE ? RuntimeFunction.SMALL_INT_FLOOR_DIVIDE
                    : RuntimeFunction.SMALL_INT_MODULO);
            stack.pushReg(VType.INT, r.ret());
            return;
        }
        NativeStack.Popped rhs = stack.popFlexible(r.arg3(), r.ret(), r.arg2());
        int regRhs = rhs.reg();
        VType lhs = stack.pop(r.arg2());
        if (isShift) {
            as.shiftRegReg(shiftOf(op, lhs), r.arg2(), regRhs);
            stack.pushReg(lhs, r.arg2());
            return;
        }
        if (!invert && arithmetic(op, r.arg2(), regRhs)) {
            stack.pushReg(lhs, r.arg2());
            return;
        }
        if (!invert && op.compareTo(BinaryOp.LESS) >= 0 && op.compareTo(BinaryOp.NOT_EQUAL) <= 0) {
            if (lhs != rhs.vtype()) {
                e.viperTypeError("comparison of int and uint");
            }
            stack.needRegSingle(r.ret(), 0);
            as.compareToBool(op, lhs == VType.UINT, r.ret(), r.arg2(), regRhs);
            stack.pushReg(VType.BOOL, r.ret());
            return;
        }
        stack.adjust(1);
        e.viperTypeError("binary op " + methodName(op, invert) + " not implemented");
    }

    /** dest := dest op src for the operators a register does in one go; false for the others. */
    private boolean arithmetic(BinaryOp op, int dest, int src) {
        NativeAssembler as = e.as;
        switch (op) {
            case OR -> as.orRegReg(dest, src);
            case XOR -> as.xorRegReg(dest, src);
            case AND -> as.andRegReg(dest, src);
            case ADD -> as.addRegReg(dest, src);
            case SUBTRACT -> as.subRegReg(dest, src);
            case MULTIPLY -> as.mulRegReg(dest, src);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Shift shiftOf(BinaryOp op, VType lhs) {
        if (op == BinaryOp.LSHIFT) {
            return Shift.LEFT;
        }
        return lhs == VType.UINT ? Shift.RIGHT_LOGICAL : Shift.RIGHT_ARITHMETIC;
    }

    /**
     * mp_binary_op_method_name as mpy-cross is built (without MICROPY_PY_ALL_SPECIAL_METHODS):
     * only comparisons, + and - have names; every operator that reaches the error has none,
     * which is why upstream prints "binary op  not implemented".
     */
    private static String methodName(BinaryOp op, boolean invert) {
        if (invert) {
            return "";
        }
        return switch (op) {
            case LESS -> "__lt__";
            case MORE -> "__gt__";
            case EQUAL -> "__eq__";
            case LESS_EQUAL -> "__le__";
            case MORE_EQUAL -> "__ge__";
            case NOT_EQUAL -> "__ne__";
            case INPLACE_ADD -> "__iadd__";
            case INPLACE_SUBTRACT -> "__isub__";
            case ADD -> "__add__";
            case SUBTRACT -> "__sub__";
            default -> "";
        };
    }
}
