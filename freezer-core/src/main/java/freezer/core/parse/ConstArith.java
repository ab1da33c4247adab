package freezer.core.parse;

import freezer.core.bytecode.BinaryOp;
import freezer.core.bytecode.UnaryOp;
import freezer.core.num.FloatOps;
import freezer.core.parse.ConstValue.FloatValue;
import freezer.core.parse.ConstValue.IntValue;
import java.math.BigInteger;
import java.util.OptionalDouble;

/**
 * Arithmetic on int and float constants with the results mpy-cross gets when it folds them:
 * py/runtime.c mp_binary_op for ints (small ints of the 64-bit host, and mpz beyond), with
 * py/objfloat.c for floats. An operation that would raise at run time, or give a complex,
 * returns null: the parser then leaves the expression unfolded.
 */
final class ConstArith {
    /** Bound on folded int sizes: mpy-cross's heap would give up long before (and not fold). */
    private static final int MAX_FOLD_BITS = 1 << 20;

    private ConstArith() {
    }

    static boolean isNumber(ConstValue v) {
        return v instanceof IntValue || v instanceof FloatValue;
    }

    static ConstValue unary(UnaryOp op, ConstValue v) {
        if (v instanceof IntValue i) {
            return switch (op) {
                case POSITIVE -> v;
                // an mpz negated is an mpz, even if it would fit a small int now
                case NEGATIVE -> i.isMpz() ? IntValue.mpz(i.value().negate()) : new IntValue(i.value().negate());
                case INVERT -> new IntValue(i.value().not());
                default -> null;
            };
        }
        if (op == UnaryOp.POSITIVE) {
            // float_unary_op returns the very object: it keeps sharing its constant-table entry
            return v;
        }
        OptionalDouble r = FloatOps.unary(op, ((FloatValue) v).value());
        return r.isPresent() ? new FloatValue(r.getAsDouble()) : null;
    }

    static ConstValue binary(BinaryOp op, ConstValue lhs, ConstValue rhs) {
        if (lhs instanceof IntValue a && rhs instanceof IntValue b) {
            return intOp(op, a.value(), b.value());
        }
        double x = toDouble(lhs);
        double y = toDouble(rhs);
        return floatOp(op, x, y);
    }

    private static ConstValue intOp(BinaryOp op, BigInteger a, BigInteger b) {
        switch (op) {
            case OR:
                return new IntValue(a.or(b));
            case XOR:
                return new IntValue(a.xor(b));
            case AND:
                return new IntValue(a.and(b));
            case LSHIFT:
                if (b.signum() < 0 || b.bitLength() > 31 || a.bitLength() + b.intValue() > MAX_FOLD_BITS) {
                    return null;
                }
                return new IntValue(a.shiftLeft(b.intValue()));
            case RSHIFT:
                if (b.signum() < 0) {
                    return null;
                }
                if (b.bitLength() > 31) {
                    return new IntValue(a.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO);
                }
                return new IntValue(a.shiftRight(b.intValue()));
            case ADD:
                return new IntValue(a.add(b));
            case SUBTRACT:
                return new IntValue(a.subtract(b));
            case MULTIPLY:
                if (a.bitLength() + b.bitLength() > MAX_FOLD_BITS) {
                    return null;
                }
                return new IntValue(a.multiply(b));
            case FLOOR_DIVIDE:
                if (b.signum() == 0) {
                    return null;
                }
                return new IntValue(floorDiv(a, b));
            case MODULO:
                if (b.signum() == 0) {
                    return null;
                }
                return new IntValue(a.subtract(floorDiv(a, b).multiply(b)));
            case TRUE_DIVIDE: {
                OptionalDouble r = FloatOps.trueDivide(a, b);
                return r.isPresent() ? new FloatValue(r.getAsDouble()) : null;
            }
            case POWER:
                if (b.signum() < 0) {
                    return floatOp(BinaryOp.POWER, FloatOps.intToFloat(a), FloatOps.intToFloat(b));
                }
                if (a.abs().compareTo(BigInteger.ONE) <= 0) {
                    // 0, 1 and -1 to any power: only the exponent's parity matters
                    return new IntValue(a.pow(b.signum() == 0 ? 0 : b.testBit(0) ? 1 : 2));
                }
                if (b.bitLength() > 31 || (long) a.bitLength() * b.intValue() > MAX_FOLD_BITS) {
                    return null;
                }
                return new IntValue(a.pow(b.intValue()));
            default:
                // @ and comparisons are not folded
                return null;
        }
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && (qr[1].signum() != b.signum())) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }

    /** py/objfloat.c mp_obj_float_binary_op (see {@link FloatOps}). */
    private static ConstValue floatOp(BinaryOp op, double x, double y) {
        OptionalDouble r = FloatOps.binary(op, x, y);
        return r.isPresent() ? new FloatValue(r.getAsDouble()) : null;
    }

    /** An int or float constant as mp_binary_op converts it for a float operation. */
    private static double toDouble(ConstValue v) {
        if (v instanceof FloatValue f) {
            return f.value();
        }
        return FloatOps.intToFloat(((IntValue) v).value());
    }

    static boolean isTrue(ConstValue v) {
        if (v instanceof IntValue i) {
            return i.value().signum() != 0;
        } else if (v instanceof FloatValue f) {
            return f.value() != 0;
        } else if (v instanceof ConstValue.ComplexValue c) {
            return c.real() != 0 || c.imag() != 0;
        } else if (v instanceof ConstValue.StrValue s) {
            return !s.bytes().isEmpty();
        } else if (v instanceof ConstValue.BytesValue b) {
            return !b.bytes().isEmpty();
        } else if (v instanceof ConstValue.TupleValue t) {
            return !t.items().isEmpty();
        }
        return v == ConstValue.Singleton.TRUE || v == ConstValue.Singleton.ELLIPSIS;
    }
}
