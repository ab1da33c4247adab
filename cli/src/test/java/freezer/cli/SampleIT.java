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
 * README's first command, run exactly as README spells it from the checkout: it freezes the
 * greenhouse sample and prints the memory map. Then samples/README.md's compile of the weather
 * station, run on the MicroPython runtime: it must print the sample's expected-output.txt.
 * Listed in {@code known-e2e-failures.txt} until they pass.
 */
class SampleIT {
    private static final KnownFailures KNOWN = KnownFailures.load("known-e2e-failures.txt");

    @TestFactory
    Stream<DynamicTest> sample() {
        return Stream.of(KNOWN.test("README's first command freezes the greenhouse and prints its map",
                "samples/greenhouse", SampleIT::freezeGreenhouse),
                KNOWN.test("samples/README's compile of a sample that runs", "samples/weather-station",
                        SampleIT::compileAndRun), KNOWN.listCheck());
    }

    /** The first command of a markdown file's first code block that starts with a prefix (lines joined at backslashes). */
    static List<String> firstCommand(Path markdown, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock && lines.get(i).strip().startsWith(prefix)) {
                StringBuilder command = new StringBuilder();
                for (int j = i; j < lines.size(); j++) {
                    String l = lines.get(j).strip();
                    if (!l.endsWith("\\")) {
                        command.append(l);
                        break;
                    }
                    command.append(l, 0, l.length() - 1).append(' ');
                }
                return new ArrayList<>(Arrays.asList(command.toString().strip().split(" +")));
            }
        }
        throw new AssertionError(markdown + " has no command starting " + prefix);
    }

    /** The first line of README.md's first code block: the command a new user runs first. */
    static List<String> firstCommandOfReadme() throws IOException {
        List<String> cmd = firstCommand(ProcessRun.repoRoot().resolve("README.md"), "./freezer");
        assertThat(String.join(" ", cmd)).as("README's first command").startsWith("./freezer freeze ");
        return cmd;
    }

    private static void freezeGreenhouse() throws IOException {
        Path root = ProcessRun.repoRoot();
        List<String> cmd = firstCommandOfReadme();
        Path out = root.resolve(cmd.get(cmd.indexOf("-o") + 1));
        assertThat(out.normalize().toString()).as("README writes under target/").contains("/target/");
        Files.deleteIfExists(out);
        cmd.set(0, root.resolve("freezer").toString());
        ProcessRun r = ProcessRun.run(root, new byte[0], cmd);
        assertThat(r.status()).as("%s\n%s", String.join(" ", cmd), r.stderr()).isZero();
        assertThat(r.stderr()).as("no warnings").isEmpty();
        assertThat(out).exists();
        assertThat(Files.readString(out)).startsWith("//\n// Content for MICROPY_MODULE_FROZEN_STR\n//\n")
                .contains("frozen_module_app_control", "\"selftest.py\\0\" \\");
        assertThat(r.stdoutText()).contains("memory map: frozen-c for unix-x64", "app/control.py", "ringlog/__init__.py",
                "selftest.py", "(shared)", "new qstrs", "total ");
    }

    private static void compileAndRun() throws IOException {
        Path root = ProcessRun.repoRoot();
        List<String> cmd = firstCommand(root.resolve("samples/README.md"), "./freezer compile");
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
