package freezer.core.emit;

import freezer.core.parse.ConstValue;
import java.math.BigInteger;
import java.util.List;

/**
 * emitcommon.c's strictly_equal as a hash key: two constants get equal keys exactly when they
 * are the same object, or of the same type with equal values, where 0.0 and -0.0 differ (but
 * not as parts of a complex, which upstream compares with ==) and NaN equals nothing but
 * itself. Upstream scans the constant table for each constant; a lookup on this key finds the
 * same index in constant time, so a module with 60,000 constants is not quadratic.
 */
final class ConstKey {
    private ConstKey() {
    }

    static Object of(ConstValue c) {
        if (c instanceof ConstValue.IntValue x) {
            return new IntKey(x.value());
        } else if (c instanceof ConstValue.FloatValue x) {
            return Double.isNaN(x.value()) ? c : new FloatKey(Double.doubleToRawLongBits(x.value()));
        } else if (c instanceof ConstValue.ComplexValue x) {
            // + 0.0 turns -0.0 into 0.0: == takes them for one value
            return Double.isNaN(x.real()) || Double.isNaN(x.imag()) ? c
                    : new ComplexKey(Double.doubleToRawLongBits(x.real() + 0.0),
                            Double.doubleToRawLongBits(x.imag() + 0.0));
        } else if (c instanceof ConstValue.StrValue x) {
            return new StrKey(x.bytes());
        } else if (c instanceof ConstValue.BytesValue x) {
            return new BytesKey(x.bytes());
        } else if (c instanceof ConstValue.TupleValue x) {
            Object[] items = new Object[x.items().size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = of(x.items().get(i));
            }
            return new TupleKey(List.of(items));
        }
        return c; // a singleton, or a NaN: equal only to itself (these classes compare by identity)
    }

    private record IntKey(BigInteger value) {
    }

    private record FloatKey(long bits) {
    }

    private record ComplexKey(long real, long imag) {
    }

    private record StrKey(String bytes) {
    }

    private record BytesKey(String bytes) {
    }

    private record TupleKey(List<Object> items) {
    }
}
