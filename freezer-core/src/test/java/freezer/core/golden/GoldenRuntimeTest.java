package freezer.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.MpyCompiler;
import freezer.testkit.GoldenCompile;
import freezer.testkit.GoldenCompile.Program;
import freezer.testkit.KnownFailures;
import freezer.testkit.RuntimeRunner;
import freezer.testkit.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Each golden {@code ok} program compiled by freezer (default options) runs on the WebAssembly
 * runtime and prints the unix port's {@code .out}, bar the group's {@code runtime-mismatch.txt}.
 * Cases not there yet are in {@code known-runtime-failures.txt}; ids are the {@code .out} paths.
 */
class GoldenRuntimeTest {
    private static final KnownFailures KNOWN = KnownFailures.load("known-runtime-failures.txt");

    @TestFactory
    Stream<DynamicNode> freezerOutputPrintsTheOut() {
        Path work = Shared.targetDir("runtime-freezer");
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path group : GoldenCompile.groups("ok")) {
            Set<String> skip = GoldenCompile.runtimeMismatches(group);
            List<Program> programs = GoldenCompile.programs(group).stream().filter(p -> !skip.contains(p.name()))
                    .toList();
            GroupRun run = new GroupRun(work.resolve(group.getFileName().toString()), programs);
            List<DynamicNode> tests = new ArrayList<>();
            for (Program p : programs) {
                tests.add(KNOWN.test(p.name(), p.id(".out"), () -> run.check(p)));
            }
            System.out.printf("runtime, freezer's .mpy of ok/%s: %d programs, %d skipped (runtime-mismatch.txt)%n",
                    group.getFileName(), programs.size(), skip.size());
            nodes.add(DynamicContainer.dynamicContainer("ok/" + group.getFileName(), tests));
        }
        nodes.add(KNOWN.listCheck());
        return nodes.stream();
    }

    /** One group: compiled and run in one batch when its first test runs. */
    private static final class GroupRun {
        private final Path dir;
        private final List<Program> programs;
        private final Map<String, String> compileErrors = new LinkedHashMap<>();
        private Map<String, RuntimeRunner.Result> results;

        GroupRun(Path dir, List<Program> programs) {
            this.dir = dir;
            this.programs = programs;
        }

        void check(Program p) {
            runOnce();
            String error = compileErrors.get(p.name());
            if (error != null) {
                fail(p.id(".py") + " does not compile: " + error);
            }
            RuntimeRunner.Result r = results.get(p.name());
            assertEquals(GoldenCompile.read(p.expectedOutput()), r.stdoutText(),
                    p.id(".py") + " compiled by freezer, on the runtime (stderr: " + r.stderrText() + ")");
            assertEquals("ok", r.status(), p.id(".py") + ": " + r.stderrText());
        }

        private synchronized void runOnce() {
            if (results != null) {
                return;
            }
            List<String> targets = new ArrayList<>();
            try {
                Files.createDirectories(dir);
                for (Program p : programs) {
                    try {
                        byte[] mpy = MpyCompiler.compileToMpy(GoldenCompile.bytes(p.source()), p.sourceName(),
                                CompileOptions.DEFAULT);
                        Files.write(dir.resolve(p.name() + ".mpy"), mpy);
                        targets.add(p.name());
                    } catch (CompileError e) {
                        compileErrors.put(p.name(), e.toString());
                    } catch (RuntimeException | StackOverflowError e) { // a compiler bug fails this case only
                        compileErrors.put(p.name(), "internal error " + e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            results = targets.isEmpty() ? Map.of() : RuntimeRunner.runBatch(dir, targets, 60);
        }
    }
}
