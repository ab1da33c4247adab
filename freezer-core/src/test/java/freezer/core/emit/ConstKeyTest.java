package freezer.core.emit;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.parse.ConstValue;
import freezer.core.parse.ConstValue.BytesValue;
import freezer.core.parse.ConstValue.ComplexValue;
import freezer.core.parse.ConstValue.FloatValue;
import freezer.core.parse.ConstValue.IntValue;
import freezer.core.parse.ConstValue.StrValue;
import freezer.core.parse.ConstValue.TupleValue;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The constant table shares an entry exactly where emitcommon.c's strictly_equal would. */
class ConstKeyTest {

    private static int[] indexes(ConstValue... values) {
        EmitCommon common = new EmitCommon("m.py");
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = common.useConst(values[i]);
        }
        return out;
    }

    @Test
    void equalValuesOfOneTypeShareAnEntry() {
        assertThat(indexes(new IntValue(BigInteger.TEN.pow(30)), new IntValue(BigInteger.TEN.pow(30)),
                new StrValue("a"), new StrValue("a"), new BytesValue("a"), new FloatValue(1.5), new FloatValue(1.5)))
                .containsExactly(0, 0, 1, 1, 2, 3, 3);
    }

    @Test
    void typesAndSignedZerosAndNansKeepApart() {
        FloatValue nan = new FloatValue(Double.NaN);
        assertThat(indexes(new IntValue(BigInteger.ONE), new FloatValue(1.0), new FloatValue(0.0),
                new FloatValue(-0.0), nan, nan, new FloatValue(Double.NaN)))
                .containsExactly(0, 1, 2, 3, 4, 4, 5);
    }

    @Test
    void complexPartsCompareWithEqualsEquals() {
        ComplexValue nan = new ComplexValue(Double.NaN, 1);
        assertThat(indexes(new ComplexValue(0.0, 1), new ComplexValue(-0.0, 1), nan, nan, new ComplexValue(Double.NaN, 1)))
                .containsExactly(0, 0, 1, 1, 2);
    }

    @Test
    void tuplesCompareItemByItem() {
        FloatValue nan = new FloatValue(Double.NaN);
        TupleValue a = new TupleValue(List.of(new IntValue(BigInteger.ONE), new StrValue("x"), nan));
        TupleValue b = new TupleValue(List.of(new IntValue(BigInteger.ONE), new StrValue("x"), nan));
        TupleValue c = new TupleValue(List.of(new IntValue(BigInteger.ONE), new StrValue("x"),
                new FloatValue(Double.NaN)));
        TupleValue d = new TupleValue(List.of(new FloatValue(1.0), new StrValue("x"), nan));
        assertThat(indexes(a, b, c, d, ConstValue.Singleton.NONE, ConstValue.Singleton.NONE))
                .containsExactly(0, 0, 1, 2, 3, 3);
    }

    /**
     * A lookup costs one probe when keys spread over hash codes: the work a constant table of the
     * scaling benchmark's shapes does, counted as keys that share a hash code (a scan of the
     * table, as emitcommon.c does, was quadratic: 60,000 tuples took 276 s).
     */
    @Test
    void keysOfManyConstantsSpreadOverHashCodes() {
        int n = 60_000;
        java.util.Set<Integer> tupleHashes = new java.util.HashSet<>();
        java.util.Set<Integer> floatHashes = new java.util.HashSet<>();
        java.util.Set<Integer> strHashes = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            tupleHashes.add(ConstKey.of(new TupleValue(List.of(new IntValue(BigInteger.valueOf(i)),
                    new StrValue("s" + i), new FloatValue(i + 0.5)))).hashCode());
            floatHashes.add(ConstKey.of(new FloatValue(i + 0.25)).hashCode());
            strHashes.add(ConstKey.of(new StrValue("string_" + i)).hashCode());
        }
        assertThat(tupleHashes.size()).as("distinct hash codes of %d tuples", n).isGreaterThan(n * 99 / 100);
        assertThat(floatHashes.size()).as("of %d floats", n).isGreaterThan(n * 99 / 100);
        assertThat(strHashes.size()).as("of %d strings", n).isGreaterThan(n * 99 / 100);
        // and one table entry per distinct value, whatever the order they come in
        EmitCommon common = new EmitCommon("m.py");
        for (int i = 0; i < n; i++) {
            common.useConst(new FloatValue(i + 0.25));
        }
        assertThat(common.useConst(new FloatValue(0.25))).isZero();
        assertThat(common.useConst(new FloatValue(n - 1 + 0.25))).isEqualTo(n - 1);
    }
}
