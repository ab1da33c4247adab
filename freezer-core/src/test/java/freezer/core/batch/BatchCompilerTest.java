package freezer.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.CompileOptions;
import freezer.core.mpy.MpyWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchCompilerTest {
    @Test
    void resultsComeInInputOrderWhateverFinishesFirst() {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        // later items finish first: the callback must still see 0, 1, 2, ...
        List<Integer> out = new BatchCompiler(4).map(items, i -> {
            sleep(40 - i);
            return i * 2;
        }, (index, r) -> seen.add(index));
        assertThat(out).isEqualTo(items.stream().map(i -> i * 2).toList());
        assertThat(seen).isEqualTo(items);
    }

    @Test
    void sameModulesWhateverTheThreadCount() {
        List<CompileJob> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String src = "def f%d(x):\n    return x + %d\nprint(f%d('%s'))\n".formatted(i, i, i, "s".repeat(i));
            jobs.add(new CompileJob(src.getBytes(StandardCharsets.UTF_8), "m" + i + ".py",
                    CompileOptions.DEFAULT.withSourceName("m" + i + ".py")));
        }
        jobs.add(new CompileJob("def (".getBytes(StandardCharsets.UTF_8), "bad.py", CompileOptions.DEFAULT));
        List<String> one = render(ModuleBatch.compile(new BatchCompiler(1), jobs));
        List<String> four = render(ModuleBatch.compile(new BatchCompiler(4), jobs));
        assertThat(four).isEqualTo(one);
        assertThat(one.get(12)).startsWith("rejected SyntaxError");
        assertThat(one.subList(0, 12)).allMatch(s -> s.startsWith("mpy "));
    }

    @Test
    void anExceptionEscapingAJobIsABug() {
        assertThatThrownBy(() -> new BatchCompiler(2).map(List.of(1, 2, 3), i -> {
            if (i == 2) {
                throw new IllegalArgumentException("boom");
            }
            return i;
        })).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("boom");
    }

    private static List<String> render(List<CompileResult> results) {
        return results.stream().map(BatchCompilerTest::render).toList();
    }

    private static String render(CompileResult r) {
        if (r instanceof CompileResult.Compiled c) {
            return "mpy " + java.util.HexFormat.of().formatHex(MpyWriter.write(c.module()));
        } else if (r instanceof CompileResult.Rejected e) {
            return "rejected " + e.error().type() + " " + e.error().getMessage();
        }
        return "crashed " + ((CompileResult.Crashed) r).cause();
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
