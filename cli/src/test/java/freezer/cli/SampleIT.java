package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.KnownFailures;
import freezer.testkit.RuntimeRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * README's first command, run exactly as README spells it from the checkout, then the compiled
 * sample run on the MicroPython runtime: it must print the sample's expected-output.txt.
 * Listed in {@code known-e2e-failures.txt} until the compiler compiles it.
 */
class SampleIT {
    private static final KnownFailures KNOWN = KnownFailures.load("known-e2e-failures.txt");

    @TestFactory
    Stream<DynamicTest> sample() {
        return Stream.of(KNOWN.test("README's first command compiles a sample that runs", "samples/weather-station",
                SampleIT::compileAndRun), KNOWN.listCheck());
    }

    /** The first line of README.md's first code block: the command a new user runs first. */
    static List<String> firstCommandOfReadme() throws IOException {
        List<String> lines = Files.readAllLines(ProcessRun.repoRoot().resolve("README.md"));
        int fence = 0;
        while (!lines.get(fence).startsWith("```")) {
            fence++;
        }
        String command = lines.get(fence + 1).strip();
        assertThat(command).as("README's first command").startsWith("./freezer compile ");
        return new ArrayList<>(Arrays.asList(command.split(" +")));
    }

    private static void compileAndRun() throws IOException {
        Path root = ProcessRun.repoRoot();
        List<String> cmd = firstCommandOfReadme();
        int outDirAt = cmd.indexOf("--out-dir") + 1;
        Path out = root.resolve(cmd.get(outDirAt));
        assertThat(out.normalize().toString()).as("README writes under target/").contains("/target/");
        cmd.set(0, root.resolve("freezer").toString());
        ProcessRun r = ProcessRun.run(root, new byte[0], cmd);
        assertThat(r.status()).as("%s\n%s", String.join(" ", cmd), r.stderr()).isZero();
        assertThat(r.stdoutText()).contains("compiled 5 of 5 files");
        Path sample = root.resolve("samples/weather-station");
        try (Stream<Path> py = Files.walk(sample)) {
            for (Path p : py.filter(p -> p.toString().endsWith(".py")).toList()) {
                String rel = sample.relativize(p).toString();
                assertThat(out.resolve(rel.substring(0, rel.length() - 3) + ".mpy")).exists();
            }
        }
        Map<String, RuntimeRunner.Result> results = RuntimeRunner.runBatch(out, List.of("main"), 60);
        RuntimeRunner.Result main = results.get("main");
        assertThat(main.stdoutText()).as(main.stderrText())
                .isEqualTo(Files.readString(sample.resolve("expected-output.txt")));
        assertThat(main.status()).isEqualTo("ok");
    }
}
