package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where mpy-tool.py stops, freezer's disassembler goes on (docs/dis.md). */
class DisassemblerTest {

    @Test
    void stringsThatAreNotUtf8AreEscaped() throws MpyFormatException {
        // qstr 2 is "a\xffb" (a name mpy-tool cannot decode); constant 0 is str "\xe2\x82" (truncated UTF-8)
        CompiledModule m = new CompiledModule(MpyHeader.bytecode(31, 0), List.of("t.py", "<module>", "a\u00ffb"),
                List.of(new ConstObject.Str("x\u00e2\u0082"), new ConstObject.Bytes("\u00ff")),
                BytecodeFunction.decode(Modules.funData(0x11, 0x02, 0x23, 0x00, 0x23, 0x01, 0x63), List.of()));
        byte[] b = MpyWriter.write(m);
        String text = Disassembler.disassemble("t.mpy", MpyReader.read(b));
        assertThat(text).contains("\n    a\\xffb\n")
                .contains("obj_table: ['x\\xe2\\x82', b'\\xff']")
                .contains("  11:02       LOAD_NAME a\\xffb\n")
                .contains("  23:00       LOAD_CONST_OBJ 'x\\xe2\\x82'\n");
    }

    @Test
    void numberTextsPythonCannotReadArePrintedAsStored() {
        // "1e5_" MicroPython reads (it skips '_'), Python's float() does not
        assertThat(NumberText.isMicroPythonFloat("1e5_", false)).isTrue();
        assertThat(ConstRepr.repr(new ConstObject.FloatRepr("1e5_"))).isEqualTo("1e5_");
        assertThat(ConstRepr.repr(new ConstObject.FloatRepr("1e5"))).isEqualTo("100000.0");
    }

    @Test
    void archFlagsAndUnknownArchitecturesAreShownAsMpyToolShowsThem() {
        assertThat(Disassembler.archName(0x40 | 11 << 2 | 3)).isEqualTo("RV32IMC");
        assertThat(Disassembler.archName(13 << 2 | 3)).isEqualTo("UNKNOWN");
    }
}
