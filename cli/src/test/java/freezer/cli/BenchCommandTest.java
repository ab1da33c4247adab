package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command runs its parts and reports them; its figures themselves are never asserted. */
class BenchCommandTest {
    private static final Path SAMPLE = ProcessRun.repoRoot().resolve("samples/weather-station");

    @Test
    void coldAndWarmRunsOverCopiesOfACorpus() {
        CliRun r = CliRun.run(ModuleCompiler.MPY_CROSS, "bench", "--copies", "3", "--rounds", "2", "--jobs", "2",
                "--no-mpy-cross", SAMPLE.toString());
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        long distinct = countPy(SAMPLE);
        assertThat(r.stdoutText())
                .contains("corpus: " + 3 * distinct + " files")
                .contains("(" + distinct + " .py files under " + SAMPLE + ", 3 copies)")
                .containsPattern("freezer cold: one new JVM, 2 jobs +[0-9.]+ ")
                .contains("freezer warm: round 1, 2 jobs").contains("freezer warm: round 2, 2 jobs")
                .doesNotContain("round 3").doesNotContain("mpy-cross:");
    }

    /** A stand-in mpy-cross that writes the wrong bytes: the comparison must say so. */
    @Test
    void outputsAreComparedWithMpyCross(@TempDir Path tmp) throws IOException {
        Path fake = tmp.resolve("fake-mpy-cross");
        Files.writeString(fake, "#!/bin/sh\n"
                + "if [ \"$1\" = --version ]; then echo 'MicroPython v1.28.0 on fake; mpy-cross emitting mpy v6.3'; exit 0; fi\n"
                + "printf 'M' > \"$2\"\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        CliRun r = CliRun.run(ModuleCompiler.MPY_CROSS, "bench", "--rounds", "0", "--mpy-cross", fake.toString(),
                SAMPLE.toString());
        assertThat(r.status()).isZero();
        long n = countPy(SAMPLE);
        assertThat(r.stdoutText())
                .contains("mpy-cross: " + fake + " (MicroPython v1.28.0 on fake; mpy-cross emitting mpy v6.3)")
                .contains("mpy-cross: a process per file, 2 at a time")
                .contains("cold freezer / mpy-cross loop: ")
                .contains("outputs identical to mpy-cross's: 0 of " + n + " files")
                .contains("  differs: c1/");
    }

    @Test
    void rejectedFilesAreCountedNotFatal(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("good.py"), "x = 1\n");
        Files.writeString(tmp.resolve("bad.py"), "x = (\n");
        CliRun r = CliRun.run(ModuleCompiler.MPY_CROSS, "bench", "--rounds", "1", "--no-mpy-cross", tmp.toString());
        assertThat(r.status()).isZero();
        assertThat(r.stdoutText()).contains("corpus: 2 files").contains("jobs, 1 rejected ").contains("round 1, ")
                .containsPattern("round 1, [0-9]+ jobs, 1 rejected");
    }

    @Test
    void scalingMeasuresEveryDimension() {
        CliRun r = CliRun.run(ModuleCompiler.MPY_CROSS, "bench", "--scaling", "--scale", "0.01");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.stdoutText()).contains("8n/n", "float constants in one list", "constant tuples in one list",
                "distinct strings (qstrs)", "distinct global names", "functions in a module",
                "statements in one function", "locals in one function", "nested brackets in one expression",
                "items on one line", "classes with methods (file size)").doesNotContain("does not compile");
        assertThat(CliRun.run(ModuleCompiler.MPY_CROSS, "bench", "--scaling", SAMPLE.toString()).status()).isEqualTo(2);
        assertThat(CliRun.run(ModuleCompiler.MPY_CROSS, "bench").status()).isEqualTo(2);
    }

    @Test
    void badArguments() {
        assertThat(CliRun.run(ModuleCompiler.MPY_CROSS, "bench", "--copies", "0", SAMPLE.toString()).status()).isEqualTo(2);
        CliRun missing = CliRun.run(ModuleCompiler.MPY_CROSS, "bench", "--no-mpy-cross", "no/such/folder");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.stderr()).contains("no/such/folder: not a folder");
    }

    private static long countPy(Path dir) {
        try (var walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".py")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
