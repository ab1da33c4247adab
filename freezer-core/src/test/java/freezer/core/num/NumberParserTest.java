package freezer.core.num;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NumberParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "00|0", "0_0|0", "7|7", "1_000|1000", "0x1F|31", "0XfF|255", "0o17|15", "0O7|7",
        "0b101|5", "0B1|1", "' 42 '|42", "-5|-5", "+5|5", "'\t9\n'|9",
        "4611686018427387903|4611686018427387903", "4611686018427387904|4611686018427387904",
        "18446744073709551616|18446744073709551616", "0xffffffffffffffffffff|1208925819614629174706175",
        "99999999999999999999999999999999|99999999999999999999999999999999",
    })
    void integersFromTheirPrefix(String text, String expected) throws Exception {
        assertThat(NumberParser.parseInteger(text, 0)).isEqualTo(new BigInteger(expected));
    }

    @Test
    void explicitBasesAcceptTheirOwnPrefixOnly() throws Exception {
        assertThat(NumberParser.parseInteger("0x10", 16)).isEqualTo(BigInteger.valueOf(16));
        assertThat(NumberParser.parseInteger("z", 36)).isEqualTo(BigInteger.valueOf(35));
        assertThatThrownBy(() -> NumberParser.parseInteger("0x10", 8))
                .hasMessage("invalid syntax for integer with base 8: '0x10'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // the golden lexer errors
        "0x|invalid syntax for integer with base 16: ''",
        "1000abc|invalid syntax for integer with base 10: '1000abc'",
        "09|invalid syntax for integer with base 0: '09'",
        // the quoted text starts after the sign and prefix
        "-0b102|invalid syntax for integer with base 2: '102'",
        "0o8|invalid syntax for integer with base 8: '8'",
        "12 3|invalid syntax for integer with base 10: '12 3'",
        "\"\"|invalid syntax for integer with base 10: ''",
        // quoting follows mp_str_print_quoted for bytes
        "1'2|invalid syntax for integer with base 10: \"1'2\"",
        "1'2\"|invalid syntax for integer with base 10: '1\\'2\"'",
        "1\\|invalid syntax for integer with base 10: '1\\\\'",
        // past a small int the digits are parsed again without underscores (unreachable from the
        // lexer, which drops them)
        "4611686018427387904_0|invalid syntax for integer with base 10: '4611686018427387904_0'",
    })
    void integerErrorsQuoteTheDigits(String text, String message) {
        assertThatThrownBy(() -> NumberParser.parseInteger(text, 0))
                .isInstanceOf(NumberSyntaxException.class).hasMessage(message);
    }

    @Test
    void controlAndHighBytesAreEscapedInMessages() {
        assertThatThrownBy(() -> NumberParser.parseInteger("1\u0001\u00e9\n\t\r", 0))
                .hasMessage("invalid syntax for integer with base 10: '1\\x01\\xe9\\n\\t\\r'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5|1.5", "'  2.5  '|2.5", "-0.0|-0.0", ".5|0.5", "5.|5.0", "1e3|1000.0", "1_0.2_5e1|102.5",
        "1e400|Infinity", "1e-400|0.0", "inf|Infinity", "-INFINITY|-Infinity", "0e99999999999999|0.0",
        "4.9e-324|4.9E-324", "2.4e-324|0.0",
    })
    void floats(String text, double expected) throws Exception {
        ParsedDecimal parsed = NumberParser.parseDecimal(text, false, false);
        assertThat(parsed.complex()).isFalse();
        assertThat(Double.doubleToRawLongBits(parsed.real())).isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @Test
    void nanSpellings() throws Exception {
        assertThat(NumberParser.parseDecimal("nan", false, false).real()).isNaN();
        assertThat(NumberParser.parseDecimal("-NaN", false, false).real()).isNaN();
    }

    @Test
    void imaginaryAndComplexForms() throws Exception {
        assertThat(NumberParser.parseDecimal("2.5j", true, false)).isEqualTo(new ParsedDecimal(0, 2.5, true));
        assertThat(NumberParser.parseDecimal("1e2J", true, false)).isEqualTo(new ParsedDecimal(0, 100, true));
        assertThat(NumberParser.parseDecimal("j", true, false)).isEqualTo(new ParsedDecimal(0, 1, true));
        assertThat(NumberParser.parseDecimal("1.5", true, true)).isEqualTo(new ParsedDecimal(1.5, 0, true));
        assertThat(NumberParser.parseDecimal("1+2j", true, true)).isEqualTo(new ParsedDecimal(1, 2, true));
        assertThat(NumberParser.parseDecimal(" -1.5-2j ", true, true)).isEqualTo(new ParsedDecimal(-1.5, -2, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5e-", "1e", "1e+", "abc", "''", "1.5x", "1j", "1+2j", "1.2.3", "-", "infx", "1 2",
    })
    void invalidFloats(String text) {
        assertThatThrownBy(() -> NumberParser.parseDecimal(text, false, false))
                .isInstanceOf(NumberSyntaxException.class).hasMessage("invalid syntax for number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1+2", "2j+1", "1+2j+3j", "1+", "1 - 2j"})
    void invalidComplex(String text) {
        assertThatThrownBy(() -> NumberParser.parseDecimal(text, true, true))
                .hasMessage("invalid syntax for number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // long double scaling is not correctly rounded: these differ from Java's (correct) parse
        "195861174932911324455e89|1.958611749329113e+109",
        "102808778332081032888064194904e120|1.0280877833208102e+149",
        "195269010296192773609e-328|1.952690102961928e-308",
    })
    void decimalScalingIsNotCorrectlyRounded(String text, String mpyRepr) throws Exception {
        double parsed = NumberParser.parseDecimal(text, false, false).real();
        assertThat(parsed).isNotEqualTo(Double.parseDouble(text));
        assertThat(FloatFormat.repr(parsed)).isEqualTo(mpyRepr);
    }
}
