package freezer.core.parse;

import java.math.BigInteger;
import java.util.List;

/**
 * A Python object known at compile time: what the parser folds and what the compiler puts in
 * the constant table. Object identity matters (as pointers do upstream): the constant table
 * shares one entry between two loads of the very same object, which is how two uses of
 * {@code math.nan} share an entry while two folded NaNs do not, so these are not records and
 * compare by identity (emitcommon.c's equality is freezer.core.emit.ConstKey's).
 */
public sealed interface ConstValue {

    /**
     * An int of any size. mpy-cross keeps ints that fit 63 bits as small ints of its host, others
     * as mpz objects; negating an mpz gives an mpz even when the result would fit, and such an
     * int stays a constant object where a small int would be inlined, so the form is kept.
     */
    final class IntValue implements ConstValue {
        private static final int HOST_SMALL_INT_BITS = 63;

        private final BigInteger value;
        private final boolean mpz;

        public IntValue(BigInteger value) {
            this(value, false);
        }

        private IntValue(BigInteger value, boolean forceMpz) {
            this.value = value;
            this.mpz = forceMpz || value.bitLength() >= HOST_SMALL_INT_BITS;
        }

        /** An int that is an mpz object whatever its value (the negation of an mpz). */
        public static IntValue mpz(BigInteger value) {
            return new IntValue(value, true);
        }

        public BigInteger value() {
            return value;
        }

        /** Whether mpy-cross holds this int as an mpz object rather than a small int. */
        public boolean isMpz() {
            return mpz;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    final class FloatValue implements ConstValue {
        private final double value;

        public FloatValue(double value) {
            this.value = value;
        }

        public double value() {
            return value;
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    final class ComplexValue implements ConstValue {
        private final double real;
        private final double imag;

        public ComplexValue(double real, double imag) {
            this.real = real;
            this.imag = imag;
        }

        public double real() {
            return real;
        }

        public double imag() {
            return imag;
        }

        @Override
        public String toString() {
            return "(" + real + "+" + imag + "j)";
        }
    }

    /** A str; {@code bytes} is a byte string. */
    final class StrValue implements ConstValue {
        private final String bytes;

        public StrValue(String bytes) {
            this.bytes = bytes;
        }

        public String bytes() {
            return bytes;
        }

        @Override
        public String toString() {
            return "'" + bytes + "'";
        }
    }

    final class BytesValue implements ConstValue {
        private final String bytes;

        public BytesValue(String bytes) {
            this.bytes = bytes;
        }

        public String bytes() {
            return bytes;
        }

        @Override
        public String toString() {
            return "b'" + bytes + "'";
        }
    }

    final class TupleValue implements ConstValue {
        private final List<ConstValue> items;

        public TupleValue(List<ConstValue> items) {
            this.items = List.copyOf(items);
        }

        public List<ConstValue> items() {
            return items;
        }

        @Override
        public String toString() {
            return items.toString();
        }
    }

    /**
     * None, True, False and Ellipsis: one object each; and mp_fun_table, which native code
     * finds in the constant table.
     */
    enum Singleton implements ConstValue {
        NONE, FALSE, TRUE, ELLIPSIS, FUN_TABLE
    }
}
