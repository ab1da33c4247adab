package freezer.core.emit.inline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.ErrorType;
import freezer.core.MpyCompiler;
import freezer.core.NativeArch;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.NativeCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** asm_xtensa behaviour the golden programs do not pin down. */
class XtensaInlineAssemblerTest {
    private static CompiledModule compile(NativeArch arch, String... body) {
        StringBuilder src = new StringBuilder("import micropython\n@micropython.asm_xtensa\ndef f(a2):\n");
        for (String line : body) {
            src.append("    ").append(line).append('\n');
        }
        CompileOptions o = CompileOptions.DEFAULT.withArch(arch, 0);
        return MpyCompiler.compile(src.toString().getBytes(StandardCharsets.UTF_8), "t.py", o);
    }

    @Test
    void theLastOperandErrorOfAnInstructionIsReported() {
        // upstream reads the immediate first, then the registers
        assertThatThrownBy(() -> compile(NativeArch.XTENSA, "addi(a16, a2, 200)"))
                .isInstanceOfSatisfying(CompileError.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.SyntaxError);
                    assertThat(e.message()).isEqualTo("'addi' expects a register");
                });
    }

    @Test
    void alignBackOverWrittenCodeIsRejectedAtTheAlign() {
        assertThatThrownBy(() -> compile(NativeArch.XTENSA, "nop()", "align(0)"))
                .isInstanceOfSatisfying(CompileError.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.NotImplementedError);
                    assertThat(e.line()).isEqualTo(5);
                });
    }

    @Test
    void alignBackOverPaddingOnlyCompiles() {
        // entry 13 bytes and nop.n end at 15, which the exit code reaches again; the padding
        // to 16 is never written, so mpy-cross writes nothing past the size it counted
        assertThat(compile(NativeArch.XTENSA, "nop_n()", "align(16)", "align(0)")).isNotNull();
    }

    @Test
    void moviPutsItsConstantInTheLiteralTable() {
        CompiledModule m = compile(NativeArch.XTENSAWIN, "movi(a2, 0x12345678)");
        byte[] code = ((NativeCode) m.root().children().get(0)).machineCode();
        // j over the table, one padding byte, then the literal
        assertThat(code[4]).isEqualTo((byte) 0x78);
        assertThat(code[7]).isEqualTo((byte) 0x12);
    }
}
