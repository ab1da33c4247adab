package freezer.core.num;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0|0.0", "-0.0|-0.0", "1.0|1.0", "0.1|0.1", "1e16|1e+16", "1e15|1000000000000000.0",
        "123456789012345678|1.2345678901234568e+17", "0.0001|0.0001", "0.00001|1e-05",
        "1.5e-300|1.5e-300", "4.9E-324|4.940656458412465e-324", "1.7976931348623157E308|1.7976931348623157e+308",
        "Infinity|inf", "-Infinity|-inf", "NaN|nan", "1e23|1e+23", "0.3|0.3", "2.5|2.5",
    })
    void repr(double value, String expected) {
        assertThat(FloatFormat.repr(value)).isEqualTo(expected);
    }

    @Test
    void complexRepr() {
        assertThat(FloatFormat.complexRepr(0, 2)).isEqualTo("2j");
        assertThat(FloatFormat.complexRepr(-0.0, -1.5)).isEqualTo("-1.5j");
        assertThat(FloatFormat.complexRepr(1, 2)).isEqualTo("(1+2j)");
        assertThat(FloatFormat.complexRepr(1.5, -0.0)).isEqualTo("(1.5-0j)");
        assertThat(FloatFormat.complexRepr(Double.NaN, Double.POSITIVE_INFINITY)).isEqualTo("(nan+infj)");
        assertThat(FloatFormat.complexRepr(0, Double.NaN)).isEqualTo("nanj");
    }
}
