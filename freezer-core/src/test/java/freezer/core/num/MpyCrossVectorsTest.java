package freezer.core.num;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.bytecode.BinaryOp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Vectors from the differential harness: our inputs, with the outputs x86-64 mpy-cross v1.28.0
 * gave for them (float-literals.tsv, float-folding.tsv), and correctly rounded powers computed
 * with exact arithmetic (pow-correctly-rounded.tsv).
 */
class MpyCrossVectorsTest {
    private static final Map<String, BinaryOp> OPERATORS = Map.of("+", BinaryOp.ADD, "-", BinaryOp.SUBTRACT,
            "*", BinaryOp.MULTIPLY, "/", BinaryOp.TRUE_DIVIDE, "//", BinaryOp.FLOOR_DIVIDE, "%", BinaryOp.MODULO,
            "**", BinaryOp.POWER);

    @Test
    void literalsParseAndPrintAsMpyCrossStoresThem() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String[]> rows = rows("float-literals.tsv");
        assertThat(rows).hasSizeGreaterThan(3000);
        for (String[] row : rows) {
            String actual = literalConstant(row[0]);
            String expected = row[1] + "\t" + row[2];
            if (!actual.equals(expected)) {
                failures.add(row[0] + ": expected " + expected + " but got " + actual);
            }
        }
        assertThat(failures).as("first of %d failures", failures.size()).isEmpty();
    }

    @Test
    void foldingGivesMpyCrossConstants() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String[]> rows = rows("float-folding.tsv");
        assertThat(rows).hasSizeGreaterThan(5000);
        for (String[] row : rows) {
            OptionalDouble result = FloatOps.binary(OPERATORS.get(row[1]), operand(row[0]), operand(row[2]));
            String actual = result.isPresent() ? FloatFormat.repr(result.getAsDouble()) : "NOFOLD";
            if (!actual.equals(row[3])) {
                failures.add(row[0] + " " + row[1] + " " + row[2] + ": expected " + row[3] + " but got " + actual);
            }
        }
        assertThat(failures).as("first of %d failures", failures.size()).isEmpty();
    }

    @Test
    void powIsCorrectlyRounded() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String[] row : rows("pow-correctly-rounded.tsv")) {
            double x = fromHex(row[0]);
            double y = fromHex(row[1]);
            double expected = fromHex(row[2]);
            double actual = FloatPower.pow(x, y);
            if (Double.doubleToRawLongBits(actual) != Double.doubleToRawLongBits(expected)) {
                failures.add("pow(" + x + ", " + y + "): expected " + expected + " but got " + actual);
            }
        }
        assertThat(failures).as("first of %d failures", failures.size()).isEmpty();
    }

    /** The constant a literal becomes: its value, negated for a leading - (a folded unary minus). */
    private static String literalConstant(String literal) throws NumberSyntaxException {
        boolean negative = literal.startsWith("-");
        // the lexer drops underscores before the parser sees the number
        String token = (negative ? literal.substring(1) : literal).replace("_", "");
        ParsedDecimal parsed = NumberParser.parseDecimal(token, true, false);
        if (parsed.complex()) {
            return "C\t" + FloatFormat.complexRepr(parsed.real(), parsed.imag());
        }
        return "F\t" + FloatFormat.repr(negative ? FloatOps.negate(parsed.real()) : parsed.real());
    }

    private static double operand(String literal) throws NumberSyntaxException {
        boolean negative = literal.startsWith("-");
        String token = negative ? literal.substring(1) : literal;
        boolean isFloat = token.indexOf('.') >= 0 || token.indexOf('e') >= 0 || token.indexOf('E') >= 0;
        double value = isFloat
                ? NumberParser.parseDecimal(token, true, false).real()
                : FloatOps.intToFloat(NumberParser.parseInteger(token, 0));
        return negative ? -value : value;
    }

    private static double fromHex(String bits) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    }

    static List<String[]> rows(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = MpyCrossVectorsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows;
    }
}
