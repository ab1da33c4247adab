package freezer.image.frozenc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's "%.16g" and mpy-tool.py's REPR_C and REPR_D patterns (values from CPython 3.11). */
class FloatTextTest {

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1",
        "0.3333333333333333, 0.3333333333333333",
        "6.02214076e+23, 6.02214076e+23",
        "6.62607015e-34, 6.62607015e-34",
        "-0.0, -0",
        "2.0, 2",
        "123456789.12345678, 123456789.1234568",
        "1e16, 1e+16",
        "1e15, 1000000000000000",
        "1.2345678901234568e+17, 1.234567890123457e+17",
        "0.0001, 0.0001",
        "1e-05, 1e-05",
        "1.5e-07, 1.5e-07",
        "4.9e-324, 4.940656458412465e-324",
        "1.7976931348623157e+308, 1.797693134862316e+308",
        "100.0, 100",
        "1234567890123456.8, 1234567890123457",
        "0.30000000000000004, 0.3",
        "1e+23, 9.999999999999999e+22",
        "Infinity, inf",
        "-Infinity, -inf",
        "NaN, nan",
    })
    void percent16g(double x, String expected) {
        assertThat(FloatText.percent16g(x)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0.1, 0xbe4cccce, 0xbfbd99999999999a",
        "-0.0, 0x100800002, 0x10004000000000000",
        "2.0, 0xc0800002, 0xc004000000000000",
        "1e-50, 0x80800002, 0xb591ee7a4ad4b81f",
        "NaN, 0x100400002, 0xfffc000000000000",
        "Infinity, 0x100000002, 0xfff4000000000000",
        "-1.5, 0x140400002, 0x13ffc000000000000",
    })
    void reprBranches(double x, String c, String d) {
        assertThat(FloatText.reprC(x)).isEqualTo(c);
        assertThat(FloatText.reprD(x)).isEqualTo(d);
    }

    @ParameterizedTest
    @CsvSource({"3.5e38, true", "3.4028235e38, false", "1e300, true", "Infinity, false", "NaN, false", "-1e39, true"})
    void overflowsFloat(double x, boolean overflows) {
        assertThat(FloatText.overflowsFloat(x)).isEqualTo(overflows);
    }

    @ParameterizedTest
    @CsvSource({"5e-324, true", "1e-40, false", "1e-46, true", "0.0, false"})
    void truncatesToZero(String literal, boolean zero) {
        assertThat(FloatText.truncatesToZeroInFloat(literal, Double.parseDouble(literal))).isEqualTo(zero);
    }
}
