package freezer.core.parse;

import freezer.core.emit.BinaryOp;
import freezer.core.emit.UnaryOp;
import freezer.core.parse.ConstValue.FloatValue;
import freezer.core.parse.ConstValue.IntValue;
import java.math.BigInteger;

/**
 * Arithmetic on int and float constants with the results mpy-cross gets when it folds them:
 * py/runtime.c mp_binary_op for ints (small ints of the 64-bit host, and mpz beyond), with
 * py/objfloat.c for floats. An operation that would raise at run time, or give a complex,
 * returns null: the parser then leaves the expression unfolded.
 */
final class ConstArith {
    /** Host small ints are 63-bit on x86-64 mpy-cross; wider ints are mpz objects. */
    private static final BigInteger HOST_SMALL_MIN = BigInteger.ONE.shiftLeft(62).negate();
    private static final BigInteger HOST_SMALL_MAX = BigInteger.ONE.shiftLeft(62).subtract(BigInteger.ONE);
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
                case NEGATIVE -> new IntValue(i.value().negate());
                case INVERT -> new IntValue(i.value().not());
                default -> null;
            };
        }
        double d = ((FloatValue) v).value();
        return switch (op) {
            case POSITIVE -> v;
            case NEGATIVE -> new FloatValue(-d);
            default -> null;
        };
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
            case TRUE_DIVIDE:
                if (b.signum() == 0) {
                    return null;
                }
                return new FloatValue(toDouble(a) / toDouble(b));
            case POWER:
                if (b.signum() < 0) {
                    return floatOp(BinaryOp.POWER, toDouble(a), toDouble(b));
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

    /** objfloat.c mp_obj_float_binary_op, for the operators the parser folds. */
    private static ConstValue floatOp(BinaryOp op, double x, double y) {
        switch (op) {
            case ADD:
                return new FloatValue(x + y);
            case SUBTRACT:
                return new FloatValue(x - y);
            case MULTIPLY:
                return new FloatValue(x * y);
            case TRUE_DIVIDE:
                return y == 0 ? null : new FloatValue(x / y);
            case FLOOR_DIVIDE: {
                if (y == 0) {
                    return null;
                }
                return new FloatValue(FloatFolding.floorDivide(x, y));
            }
            case MODULO: {
                if (y == 0) {
                    return null;
                }
                return new FloatValue(FloatFolding.modulo(x, y));
            }
            case POWER: {
                if (x == 0 && y < 0 && !Double.isInfinite(y)) {
                    return null;
                }
                if (x < 0 && y != Math.floor(y) && !Double.isNaN(y)) {
                    // the result is complex: not folded
                    return null;
                }
                return new FloatValue(FloatFolding.pow(x, y));
            }
            default:
                // | ^ & << >> @ on floats raise TypeError at run time
                return null;
        }
    }

    /**
     * An int as a float, as mpy-cross converts it: a host small int by one rounding, an mpz
     * digit by digit (mpz.c mpz_as_float, 32-bit digits on x86-64), rounding at each step.
     */
    static double toDouble(ConstValue v) {
        if (v instanceof FloatValue f) {
            return f.value();
        }
        return toDouble(((IntValue) v).value());
    }

    static double toDouble(BigInteger v) {
        if (v.compareTo(HOST_SMALL_MIN) >= 0 && v.compareTo(HOST_SMALL_MAX) <= 0) {
            return (double) v.longValue();
        }
        BigInteger mag = v.abs();
        int digits = (mag.bitLength() + 31) / 32;
        double val = 0;
        for (int d = digits - 1; d >= 0; d--) {
            long dig = mag.shiftRight(d * 32).longValue() & 0xffffffffL;
            val = val * 4294967296.0 + (double) dig;
        }
        return v.signum() < 0 ? -val : val;
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
