package freezer.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.CompileOptions;
import freezer.core.MpyCompiler;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The work a scope's free-variable numbering does, counted rather than timed: it walks the
 * parent's names only for a scope that has free variables, so thousands of plain functions in a
 * module cost nothing there (it walked the module's names for each of them: quadratic).
 */
class ScopeWorkTest {
    private static byte[] source(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void functionsWithoutFreeVariablesWalkNoParentNames() {
        StringBuilder sb = new StringBuilder();
        int n = 8_000;
        for (int i = 0; i < n; i++) {
            sb.append("def f").append(i).append("(a, b=").append(i).append("):\n    return a * b\n");
        }
        long before = Scope.PARENT_NAMES_WALKED.sum();
        MpyCompiler.compileToMpy(source(sb.toString()), "many.py", CompileOptions.DEFAULT);
        assertThat(Scope.PARENT_NAMES_WALKED.sum() - before).isZero();
    }

    @Test
    void aClosureWalksItsParentsNamesOnce() {
        String program = "def outer(a, b):\n    c = a + b\n    def inner():\n        return c\n    return inner\n";
        long before = Scope.PARENT_NAMES_WALKED.sum();
        MpyCompiler.compileToMpy(source(program), "closure.py", CompileOptions.DEFAULT);
        // outer's names: a, b, c, inner
        assertThat(Scope.PARENT_NAMES_WALKED.sum() - before).isEqualTo(4);
    }
}
