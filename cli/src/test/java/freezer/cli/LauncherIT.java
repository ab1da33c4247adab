package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code ./freezer} launcher and an {@code mpy-cross} link to it, run as a user or a build would. */
class LauncherIT {
    private static final String VERSION_END = "; mpy-cross emitting mpy v6.3\n";
    private Path work;
    private Path launcher;

    @BeforeEach
    void setUp() {
        work = Shared.targetDir("it-launcher");
        launcher = ProcessRun.repoRoot().resolve("freezer");
    }

    private ProcessRun run(Path program, String... args) {
        return runWithInput(program, new byte[0], args);
    }

    private ProcessRun runWithInput(Path program, byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(program.toString()));
        cmd.addAll(List.of(args));
        return ProcessRun.run(work, stdin, cmd);
    }

    @Test
    void runsFromAnyFolderAndPrintsOnlyWhatTheCommandPrints() {
        ProcessRun r = run(launcher, "compile", "--version");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdoutText()).startsWith("MicroPython v1.28.0 on freezer ").endsWith(VERSION_END)
                .hasLineCount(1);
        ProcessRun none = run(launcher);
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.stdout()).isEmpty();
    }

    @Test
    void aLinkNamedMpyCrossIsFreezerCompile() throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("mpy-cross"), launcher);
        ProcessRun version = run(link, "--version");
        assertThat(version.status()).as(version.stderr()).isZero();
        assertThat(version.stdoutText()).endsWith(VERSION_END);

        // a relative link to a link, as a package manager might install it
        Path other = Files.createDirectories(work.resolve("other"));
        Files.createSymbolicLink(other.resolve("freezer"), launcher);
        Path chained = Files.createSymbolicLink(bin.resolve("mpy-cross-2"), Path.of("../other/freezer"));
        Path renamed = Files.createSymbolicLink(Files.createDirectories(work.resolve("bin2")).resolve("mpy-cross"),
                chained);
        assertThat(run(renamed, "--version").stdoutText()).endsWith(VERSION_END);

        ProcessRun usage = run(link, "-Z", "x.py");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.stderr()).startsWith("freezer compile: unknown option '-Z'");

        ProcessRun missing = run(link, "nofile.py");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("nofile.py: OSError: can't open nofile.py: no such file or directory\n");
    }

    @Test
    void compilesRelativePathsFromTheCallersFolder() throws IOException {
        Files.writeString(work.resolve("hello.py"), "print('hello')\n");
        ProcessRun r = run(launcher, "compile", "hello.py");
        // 0 once the compiler is complete, 1 (with freezer's error) until then: never a crash
        assertThat(r.status()).as(r.stderr()).isIn(0, 1);
        if (r.status() == 0) {
            assertThat(Files.readAllBytes(work.resolve("hello.mpy"))).startsWith('M', 6);
        } else {
            assertThat(r.stderr()).startsWith("hello.py").doesNotContain("\tat ");
            assertThat(work.resolve("hello.mpy")).doesNotExist();
        }
    }

    @Test
    void standardInputToStandardOutputCarriesOnlyMpyBytes() {
        ProcessRun r = runWithInput(launcher, "x = 1\n".getBytes(StandardCharsets.UTF_8), "compile", "-");
        assertThat(r.status()).as(r.stderr()).isIn(0, 1);
        if (r.status() == 0) {
            assertThat(r.stdout()).startsWith('M', 6);
        } else {
            assertThat(r.stdout()).isEmpty();
            assertThat(r.stderr()).startsWith("<stdin>");
        }
    }
}
