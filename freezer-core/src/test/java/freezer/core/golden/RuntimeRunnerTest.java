package freezer.core.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import freezer.testkit.GoldenCompile;
import freezer.testkit.GoldenCompile.Program;
import freezer.testkit.RuntimeRunner;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The runtime harness itself, on mpy-cross's own golden {@code .mpy} files: each must print its
 * {@code .out} (bar the group's {@code runtime-mismatch.txt}). This holds whatever state the
 * compiler is in, so a failure here is the runner's or the setup's, never freezer's.
 */
class RuntimeRunnerTest {

    @TestFactory
    Stream<DynamicNode> goldenMpyFilesPrintTheirOut() throws IOException {
        Path work = Shared.targetDir("runtime-golden");
        List<DynamicNode> groups = new ArrayList<>();
        for (Path group : GoldenCompile.groups("ok")) {
            Set<String> skip = GoldenCompile.runtimeMismatches(group);
            Path dir = Files.createDirectories(work.resolve(group.getFileName().toString()));
            List<Program> programs = GoldenCompile.programs(group).stream().filter(p -> !skip.contains(p.name()))
                    .toList();
            for (Program p : programs) {
                Files.copy(p.defaultMpy(), dir.resolve(p.name() + ".mpy"));
            }
            Map<String, RuntimeRunner.Result> results = RuntimeRunner.runBatch(dir,
                    programs.stream().map(Program::name).toList(), 60);
            System.out.printf("runtime, golden .mpy of ok/%s: %d programs run, %d skipped%n", group.getFileName(),
                    programs.size(), skip.size());
            List<DynamicNode> tests = new ArrayList<>();
            for (Program p : programs) {
                tests.add(DynamicTest.dynamicTest(p.name(), () -> {
                    RuntimeRunner.Result r = results.get(p.name());
                    assertEquals(GoldenCompile.read(p.expectedOutput()), r.stdoutText(),
                            p.id(".mpy") + " on the runtime (stderr: " + r.stderrText() + ")");
                    assertEquals("ok", r.status(), p.id(".mpy") + ": " + r.stderrText());
                }));
            }
            groups.add(DynamicContainer.dynamicContainer("ok/" + group.getFileName(), tests));
        }
        return groups.stream();
    }

    @Test
    void framesKeepStdoutStderrAndMissingFinalNewlines() {
        byte[] batch = String.join("\n",
                "##run-mpy:begin a",
                "line 1",
                "",
                "##run-mpy:end a status=ok exit=0 ms=3",
                "##run-mpy:begin b",
                "partial",
                "##run-mpy:stderr b",
                "Traceback (most recent call last):",
                "ValueError: x",
                "##run-mpy:end b status=exception exit=1 ms=2 noeol=stdout",
                "##run-mpy:begin c",
                "##run-mpy:end c status=ok exit=0 ms=1",
                "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, RuntimeRunner.Result> r = RuntimeRunner.parse(batch);
        assertThat(r.keySet()).containsExactly("a", "b", "c");
        assertEquals("line 1\n\n", r.get("a").stdoutText());
        assertEquals("partial", r.get("b").stdoutText());
        assertEquals("Traceback (most recent call last):\nValueError: x\n", r.get("b").stderrText());
        assertEquals("exception", r.get("b").status());
        assertEquals(1, r.get("b").exit());
        assertEquals("", r.get("c").stdoutText());
    }
}
