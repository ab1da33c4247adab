package freezer.cli;

import freezer.core.CompileOptions;
import freezer.core.MpyCompiler;

/** One source file to .mpy bytes; {@link MpyCompiler} in use, a stand-in in tests of the command line. */
@FunctionalInterface
public interface ModuleCompiler {
    ModuleCompiler MPY_CROSS = MpyCompiler::compileToMpy;

    /** As {@link MpyCompiler#compileToMpy}: throws {@link freezer.core.CompileError} for a rejected input. */
    byte[] compile(byte[] source, String inputPath, CompileOptions options);
}
