package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The disassembly of each golden .mpy equals the .dis mpy-tool.py printed for it. */
class DisassemblerGoldenTest {

    @TestFactory
    List<DynamicTest> compileGoldenDisassembly() {
        return tests(Golden.files("compile/ok", ".dis"));
    }

    @TestFactory
    List<DynamicTest> nativeGoldenDisassembly() {
        return tests(Golden.files("native", ".dis"));
    }

    private static List<DynamicTest> tests(List<Path> dis) {
        return dis.stream().map(p -> DynamicTest.dynamicTest(Golden.name(p), () -> check(p))).toList();
    }

    private static void check(Path dis) throws MpyFormatException {
        String name = dis.getFileName().toString().replaceAll("\\.dis$", ".mpy");
        byte[] mpy = Golden.read(dis.resolveSibling(name));
        String expected = new String(Golden.read(dis), StandardCharsets.UTF_8);
        String actual = Disassembler.disassemble(name, MpyReader.read(mpy));
        assertThat(actual).as(() -> Golden.firstDifference(expected, actual)).isEqualTo(expected);
    }
}
