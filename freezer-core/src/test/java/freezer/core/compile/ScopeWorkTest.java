package freezer.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.CompileOptions;
import freezer.core.CompileWork;
import freezer.core.MpyCompiler;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The work of matching a closure's free names with its parent's, counted rather than timed: each
 * free name is looked up in the parent, once to number it and once per compile pass of the parent
 * to load it for MAKE_CLOSURE. scope.c and compile.c walk all of the parent's names for it (for
 * every scope: thousands of plain functions in a module cost n squared), and the closure's own names
 * for each cell there (thousands of closures in a function of thousands of names cost as much).
 */
class ScopeWorkTest {
    private static byte[] source(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long lookedAt(String program) {
        CompileWork work = new CompileWork();
        MpyCompiler.compileToMpy(source(program), "work.py", CompileOptions.DEFAULT, work);
        return work.parentNamesLookedAt();
    }

    @Test
    void functionsWithoutFreeVariablesLookAtNoParentNames() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8_000; i++) {
            sb.append("def f").append(i).append("(a, b=").append(i).append("):\n    return a * b\n");
        }
        assertThat(lookedAt(sb.toString())).isZero();
    }

    /** Once to number each, once per pass to load it (a scope, stack-size, code-size and emit pass). */
    private static final int LOOKUPS_PER_FREE_NAME = 5;

    @Test
    void aClosureLooksUpEachOfItsFreeNamesOncePerUse() {
        assertThat(lookedAt("def outer(a, b):\n    c = a + b\n    def inner():\n        return c + a\n    return inner\n"))
                .isBetween(2L, 2L * LOOKUPS_PER_FREE_NAME);
    }

    @Test
    void thousandsOfClosuresInAFunctionOfThousandsOfNamesLookUpOnlyTheirOwn() {
        // outer: 100 cells (more locals would number the cells past a byte) and n globals it reads
        int n = 3_000;
        StringBuilder sb = new StringBuilder("def outer():\n");
        for (int i = 0; i < 100; i++) {
            sb.append("    c").append(i).append(" = ").append(i).append('\n');
        }
        for (int i = 0; i < n; i++) {
            sb.append("    print(w").append(i).append(", lambda: c").append(i % 100).append(")\n");
        }
        // scope.c and compile.c: n lambdas, each walking all of outer's 100 + n names, five times
        assertThat(lookedAt(sb.toString())).isBetween((long) n, (long) n * LOOKUPS_PER_FREE_NAME);
    }
}
