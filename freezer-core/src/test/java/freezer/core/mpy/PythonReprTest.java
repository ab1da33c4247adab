package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.ByteStrings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Python's repr() of floats, complex numbers, str and bytes, against CPython 3.11.7's (cases in test resources). */
class PythonReprTest {

    private static List<String[]> cases(String name) throws IOException {
        try (InputStream in = PythonReprTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line.split("\t", 2));
                }
            }
            System.out.println(name + ": " + out.size() + " cases");
            assertThat(out).isNotEmpty();
            return out;
        }
    }

    @TestFactory
    List<DynamicTest> floats() throws IOException {
        return cases("float-repr-cases.txt").stream().map(c -> DynamicTest.dynamicTest(c[0], () -> {
            assertThat(NumberText.isMicroPythonFloat(c[0], false)).as("MicroPython reads %s", c[0]).isTrue();
            assertThat(ConstRepr.repr(new ConstObject.FloatRepr(c[0]))).isEqualTo(c[1]);
        })).toList();
    }

    @TestFactory
    List<DynamicTest> complexNumbers() throws IOException {
        return cases("complex-repr-cases.txt").stream().map(c -> DynamicTest.dynamicTest(c[0],
                () -> assertThat(ConstRepr.repr(new ConstObject.ComplexRepr(c[0]))).isEqualTo(c[1]))).toList();
    }

    @TestFactory
    List<DynamicTest> strings() throws IOException {
        return cases("str-repr-cases.txt").stream().map(c -> DynamicTest.dynamicTest("hex " + c[0], () -> {
            String s = ByteStrings.of(HexFormat.of().parseHex(c[0]));
            assertThat(PythonRepr.str(s)).isEqualTo(c[1]);
        })).toList();
    }

    @TestFactory
    List<DynamicTest> bytes() throws IOException {
        return cases("bytes-repr-cases.txt").stream().map(c -> DynamicTest.dynamicTest("hex " + c[0], () -> {
            String s = ByteStrings.of(HexFormat.of().parseHex(c[0]));
            assertThat(PythonRepr.bytes(s)).isEqualTo(c[1]);
        })).toList();
    }

    @TestFactory
    List<DynamicTest> textsMicroPythonCannotRead() {
        return List.of("", "abc", "1e", "1e+", "(1+2j)", "1..2", "0x10", "--1").stream()
                .map(t -> DynamicTest.dynamicTest("'" + t + "'", () -> {
                    assertThat(NumberText.isMicroPythonFloat(t, false)).isFalse();
                })).toList();
    }
}
