package freezer.core.emit;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.CompileOptions;
import freezer.core.CompileWork;
import freezer.core.MpyCompiler;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The prelude's argument names, counted rather than timed: one walk of a function's names per
 * code-info pass. emitbc.c walks them once per parameter slot, so a function of 20,000 parameters
 * took 15 s (mpy-cross: 5.6 s), all of it there.
 */
class ParameterNamesWorkTest {
    @Test
    void aFunctionOfThousandsOfParametersWalksItsNamesOncePerPass() {
        int n = 5_000;
        StringBuilder sb = new StringBuilder("def f(");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append('a').append(i);
        }
        sb.append(", *, k):\n    return a0 + k\n");
        CompileWork work = new CompileWork();
        MpyCompiler.compileToMpy(sb.toString().getBytes(StandardCharsets.UTF_8), "params.py", CompileOptions.DEFAULT,
                work);
        long walked = work.namesWalkedForParameters();
        // a few passes over n + 1 names (once per slot: n squared, 25 million)
        assertThat(walked).isGreaterThanOrEqualTo(n + 1L).isLessThanOrEqualTo(4L * (n + 1));
    }
}
