package freezer.core.batch;

import freezer.core.CompileError;
import freezer.core.MpyCompiler;
import java.util.List;

/** Compiles many modules on a {@link BatchCompiler}, each failure kept with its own job. */
public final class ModuleBatch {
    private ModuleBatch() {
    }

    public static List<CompileResult> compile(BatchCompiler batch, List<CompileJob> jobs,
            BatchCompiler.InOrder<CompileResult> inOrder) {
        return batch.map(jobs, ModuleBatch::compileOne, inOrder);
    }

    public static List<CompileResult> compile(BatchCompiler batch, List<CompileJob> jobs) {
        return compile(batch, jobs, (i, r) -> { });
    }

    /** One job, never throwing: a rejection or a crash is the result. */
    public static CompileResult compileOne(CompileJob job) {
        try {
            return new CompileResult.Compiled(MpyCompiler.compile(job.source(), job.inputPath(), job.options()));
        } catch (CompileError e) {
            return new CompileResult.Rejected(e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new CompileResult.Crashed(e);
        }
    }
}
