package freezer.core.num;

import freezer.core.bytecode.BinaryOp;
import freezer.core.bytecode.UnaryOp;
import java.math.BigInteger;
import java.util.OptionalDouble;

/**
 * The float arithmetic that the parser's constant folding performs (py/objfloat.c
 * mp_obj_float_binary_op and float_unary_op, reached through mp_binary_op), in IEEE double
 * exactly as x86-64 C computes it. An empty result means upstream does not fold: the operation
 * raises (ZeroDivisionError), gives a complex number, or is not defined on floats.
 */
public final class FloatOps {
    /** mpz digits are 32 bits wide on 64-bit machines. */
    private static final int MPZ_DIGIT_BITS = 32;
    private static final double MPZ_DIGIT_BASE = 0x1p32;

    private FloatOps() {
    }

    /**
     * lhs op rhs for two floats, or for an int operand already converted with
     * {@link #intToFloat}. Only the operators whose result is a float are handled: + - * / // %
     * ** (and their in-place forms); any other gives empty, as it does not fold.
     */
    public static OptionalDouble binary(BinaryOp op, double lhs, double rhs) {
        switch (op) {
            case ADD:
            case INPLACE_ADD:
                return OptionalDouble.of(lhs + rhs);
            case SUBTRACT:
            case INPLACE_SUBTRACT:
                return OptionalDouble.of(lhs - rhs);
            case MULTIPLY:
            case INPLACE_MULTIPLY:
                return OptionalDouble.of(lhs * rhs);
            case TRUE_DIVIDE:
            case INPLACE_TRUE_DIVIDE:
                return rhs == 0 ? OptionalDouble.empty() : OptionalDouble.of(lhs / rhs);
            case FLOOR_DIVIDE:
            case INPLACE_FLOOR_DIVIDE:
                return rhs == 0 ? OptionalDouble.empty() : OptionalDouble.of(floorDivide(lhs, rhs));
            case MODULO:
            case INPLACE_MODULO:
                return rhs == 0 ? OptionalDouble.empty() : OptionalDouble.of(modulo(lhs, rhs));
            case POWER:
            case INPLACE_POWER:
                return power(lhs, rhs);
            default:
                return OptionalDouble.empty();
        }
    }

    /**
     * op x for a float (float_unary_op): + gives x itself, - its negation; ~ and not do not
     * fold (the parser folds ~ only for ints, and not is a logical fold of its own).
     */
    public static OptionalDouble unary(UnaryOp op, double x) {
        switch (op) {
            case POSITIVE:
                return OptionalDouble.of(x);
            case NEGATIVE:
                return OptionalDouble.of(negate(x));
            default:
                return OptionalDouble.empty();
        }
    }

    /** Unary minus. */
    public static double negate(double x) {
        return -x;
    }

    /**
     * An int as mp_binary_op converts it for a float operation. A small int is cast (correctly
     * rounded); a big int goes through mpz_as_float, which accumulates 32-bit digits in double
     * ({@code v = v * 2^32 + digit}, rounding at each step). Both agree below 2^64, where an
     * mpz has at most two digits, so one rule serves every int.
     */
    public static double intToFloat(BigInteger value) {
        BigInteger magnitude = value.abs();
        double result = 0;
        for (int top = (magnitude.bitLength() + MPZ_DIGIT_BITS - 1) / MPZ_DIGIT_BITS - 1; top >= 0; top--) {
            long digit = magnitude.shiftRight(top * MPZ_DIGIT_BITS).longValue() & 0xffffffffL;
            result = result * MPZ_DIGIT_BASE + digit;
        }
        return value.signum() < 0 ? -result : result;
    }

    /**
     * int / int: both converted to float, then divided (the small-int path and the mpz path
     * both do this); empty for a zero divisor.
     */
    public static OptionalDouble trueDivide(BigInteger lhs, BigInteger rhs) {
        if (rhs.signum() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(intToFloat(lhs) / intToFloat(rhs));
    }

    /** mp_obj_float_divmod's quotient: floor division that keeps x == (x//y)*y + (x%y). */
    private static double floorDivide(double x, double y) {
        double mod = x % y; // C fmod: exact, with the sign of x
        double div = (x - mod) / y;
        if (mod != 0 && (mod < 0) != (y < 0)) {
            div -= 1.0;
        }
        if (div == 0) {
            return Math.copySign(0.0, x / y);
        }
        double floor = Math.floor(div);
        if (div - floor > 0.5) {
            floor += 1.0;
        }
        return floor;
    }

    /** Python's float %, from fmod: the result takes the divisor's sign. */
    private static double modulo(double x, double y) {
        double mod = x % y;
        if (mod == 0) {
            return Math.copySign(0.0, y);
        }
        if ((mod < 0) != (y < 0)) {
            mod += y;
        }
        return mod;
    }

    private static OptionalDouble power(double x, double y) {
        if (x == 0 && y < 0 && !Double.isInfinite(y)) {
            return OptionalDouble.empty(); // ZeroDivisionError
        }
        if (x < 0 && y != Math.floor(y) && !Double.isNaN(y)) {
            return OptionalDouble.empty(); // the result is complex
        }
        return OptionalDouble.of(FloatPower.pow(x, y));
    }
}
