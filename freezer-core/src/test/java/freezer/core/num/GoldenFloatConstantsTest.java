package freezer.core.num;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every float and complex constant in the golden .mpy files (the text mpy-cross stored) must be
 * a fixed point of our parse and print: reading the text back and printing it gives it again.
 */
class GoldenFloatConstantsTest {
    private static final int OBJ_STR = 5;
    private static final int OBJ_BYTES = 6;
    private static final int OBJ_INT = 7;
    private static final int OBJ_FLOAT = 8;
    private static final int OBJ_COMPLEX = 9;
    private static final int OBJ_TUPLE = 10;

    static Stream<Path> goldenMpyFiles() throws IOException {
        Path ok = Path.of(System.getProperty("freezer.shared", "../../shared"), "golden", "compile", "ok");
        Assumptions.assumeTrue(Files.isDirectory(ok), "golden data at " + ok);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ok)) {
            files = walk.filter(p -> p.toString().endsWith(".mpy")).sorted().toList();
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("goldenMpyFiles")
    void floatConstantsReadBackToTheSameText(Path mpy) throws Exception {
        List<String[]> constants = new ArrayList<>();
        new ConstantTableReader(Files.readAllBytes(mpy)).read(constants);
        for (String[] constant : constants) {
            String text = constant[1];
            String reprinted;
            if (constant[0].equals("F")) {
                reprinted = FloatFormat.repr(NumberParser.parseDecimal(text, false, false).real());
            } else {
                String body = text.startsWith("(") ? text.substring(1, text.length() - 1) : text;
                ParsedDecimal z = NumberParser.parseDecimal(body, true, true);
                reprinted = FloatFormat.complexRepr(z.real(), z.imag());
            }
            assertThat(reprinted).as("%s constant in %s", constant[0], mpy).isEqualTo(text);
        }
    }

    /** Just enough of a .mpy reader to reach its constant-object table (persistentcode.c). */
    private static final class ConstantTableReader {
        private final byte[] data;
        private int pos;

        ConstantTableReader(byte[] data) {
            this.data = data;
        }

        void read(List<String[]> out) {
            assertThat(data[0]).isEqualTo((byte) 'M');
            pos = 4;
            if ((data[2] & 0x40) != 0) {
                readUint(); // architecture flags
            }
            long qstrs = readUint();
            long objects = readUint();
            for (long i = 0; i < qstrs; i++) {
                long header = readUint();
                if ((header & 1) == 0) {
                    pos += (int) (header >> 1) + 1;
                }
            }
            for (long i = 0; i < objects; i++) {
                readObject(out);
            }
        }

        private void readObject(List<String[]> out) {
            int type = data[pos++];
            if (type == OBJ_STR || type == OBJ_BYTES) {
                pos += (int) readUint() + 1;
            } else if (type == OBJ_INT || type == OBJ_FLOAT || type == OBJ_COMPLEX) {
                int length = (int) readUint();
                String text = new String(data, pos, length, StandardCharsets.ISO_8859_1);
                pos += length;
                if (type != OBJ_INT) {
                    out.add(new String[] {type == OBJ_FLOAT ? "F" : "C", text});
                }
            } else if (type == OBJ_TUPLE) {
                long items = readUint();
                for (long i = 0; i < items; i++) {
                    readObject(out);
                }
            }
        }

        private long readUint() {
            long value = 0;
            int b;
            do {
                b = data[pos++] & 0xff;
                value = (value << 7) | (b & 0x7f);
            } while ((b & 0x80) != 0);
            return value;
        }
    }
}
