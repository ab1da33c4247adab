package freezer.core.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.ErrorType;
import freezer.core.MpyCompiler;
import freezer.core.NativeArch;
import freezer.core.mpy.CodeKind;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyHeader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What -march and -X emit do to a module, beside the golden files. */
class NativeOptionsTest {
    private static final String NATIVE = "import micropython\n@micropython.native\ndef f(x):\n    return x\n";
    private static final String PLAIN = "x = 1\n";

    private static CompiledModule compile(String source, NativeArch arch, CompileOptions.Emit emit) {
        CompileOptions o = CompileOptions.DEFAULT.withArch(arch, 0).withDefaultEmit(emit);
        return MpyCompiler.compile(source.getBytes(StandardCharsets.UTF_8), "t.py", o);
    }

    @Test
    void machineCodePutsTheArchitectureInTheHeader() {
        CompiledModule m = compile(NATIVE, NativeArch.X64, CompileOptions.Emit.BYTECODE);
        assertThat(m.header().arch()).isEqualTo(NativeArch.X64);
        assertThat(m.header().featuresByte()).isEqualTo(MpyHeader.SUB_VERSION | NativeArch.X64.code() << 2);
        assertThat(m.root().children()).singleElement().extracting(r -> r.kind()).isEqualTo(CodeKind.NATIVE_PY);
        // bytecode alone keeps the header of a plain file, whatever -march says
        assertThat(compile(PLAIN, NativeArch.X64, CompileOptions.Emit.BYTECODE).header().arch())
                .isEqualTo(NativeArch.NONE);
    }

    @Test
    void wholeModulesAsNativeOrViperCode() {
        assertThat(compile(PLAIN, NativeArch.X86, CompileOptions.Emit.NATIVE).root().kind())
                .isEqualTo(CodeKind.NATIVE_PY);
        assertThat(compile("def f(x):\n    return x\n", NativeArch.X64, CompileOptions.Emit.VIPER).root().children())
                .singleElement().extracting(r -> r.kind()).isEqualTo(CodeKind.NATIVE_VIPER);
    }

    @Test
    void debugTraceIsNotSupportedForNativeCodeOnly() {
        assertThat(compile(PLAIN, NativeArch.DEBUG, CompileOptions.Emit.BYTECODE).header().arch())
                .isEqualTo(NativeArch.NONE);
        assertThatThrownBy(() -> compile(NATIVE, NativeArch.DEBUG, CompileOptions.Emit.BYTECODE))
                .isInstanceOfSatisfying(CompileError.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.NotImplementedError);
                    assertThat(e.message()).startsWith("-march=debug is not supported");
                });
    }

    @Test
    void rv64imcHasNoNativeEmitter() {
        assertThatThrownBy(() -> compile(PLAIN, NativeArch.RV64IMC, CompileOptions.Emit.NATIVE))
                .isInstanceOfSatisfying(CompileError.class,
                        e -> assertThat(e.message()).isEqualTo("cannot emit native code for this architecture"));
        assertThatThrownBy(() -> compile(NATIVE, NativeArch.RV64IMC, CompileOptions.Emit.BYTECODE))
                .isInstanceOfSatisfying(CompileError.class, e -> assertThat(e.message()).isEqualTo("invalid arch"));
    }

    /** Every architecture mpy-cross emits machine code for has its assembler (debug is a text trace, not code). */
    @Test
    void everyArchitectureWithAnUpstreamEmitterHasItsAssemblers() {
        for (NativeTarget t : NativeTarget.values()) {
            if (t == NativeTarget.DEBUG) {
                continue;
            }
            assertThat(t.newNativeAssembler(1, 0) != null).as(t + ": native assembler").isEqualTo(t.hasNativeEmitter());
            assertThat(t.newInlineAssembler(1, 0) != null).as(t + ": inline assembler")
                    .isEqualTo(t.hasInlineAssembler());
        }
    }
}
