package freezer.core.batch;

import freezer.core.CompileError;
import freezer.core.mpy.CompiledModule;

/** What became of one {@link CompileJob}. */
public sealed interface CompileResult {
    /** The compiled module, ready for MpyWriter or a frozen-C or ROMFS writer. */
    record Compiled(CompiledModule module) implements CompileResult {
    }

    /** mpy-cross would reject the input: the error as it would report it. */
    record Rejected(CompileError error) implements CompileResult {
    }

    /** A freezer bug on this input; the other jobs still run. */
    record Crashed(Throwable cause) implements CompileResult {
    }
}
