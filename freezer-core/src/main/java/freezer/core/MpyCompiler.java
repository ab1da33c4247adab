package freezer.core;

import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyWriter;

/**
 * The whole compile of one source file, as mpy-cross does it: lex, parse, compile, and the
 * module ready to write as .mpy.
 */
public final class MpyCompiler {
    private MpyCompiler() {
    }

    /**
     * Compiles one module.
     *
     * @param source the file's bytes
     * @param inputPath the path as given; lexer and parser errors name it
     * @param options mpy-cross's options; {@code sourceName} (or the input path when null) is
     *     embedded in the module and named by compiler errors
     * @throws CompileError when mpy-cross would reject the input
     */
    public static CompiledModule compile(byte[] source, String inputPath, CompileOptions options) {
        throw CompileError.withoutLine(ErrorType.NotImplementedError, "the compiler is not written yet",
                inputPath, 0, 0);
    }

    /** {@link #compile} and the .mpy bytes of the result. */
    public static byte[] compileToMpy(byte[] source, String inputPath, CompileOptions options) {
        return MpyWriter.write(compile(source, inputPath, options));
    }
}
