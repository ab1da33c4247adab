package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import freezer.testkit.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code freezer compile} in mpy-cross's one-file form, with a stand-in compiler. */
class SingleCompileTest {
    private static final FakeCompiler FAKE = new FakeCompiler();
    private Path dir;

    @BeforeEach
    void setUp() {
        dir = Shared.targetDir("cli-single");
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void versionLineIsWhatToolsParse() {
        CliRun r = CliRun.run(FAKE, "compile", "--version");
        assertThat(r.status()).isZero();
        assertThat(r.stdoutText()).startsWith("MicroPython v1.28.0 on freezer ").endsWith("; mpy-cross emitting mpy v6.3\n");
        // mpy_cross/__init__.py's _VERSION_RE
        Matcher m = Pattern.compile("mpy-cross emitting mpy v([0-9]+)(?:.([0-9]+))?").matcher(r.stdoutText());
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("6");
        assertThat(m.group(2)).isEqualTo("3");
    }

    @Test
    void writesBesideTheInputAsMainCNamesIt() throws Exception {
        Path in = write("a.py", "x = 1\n");
        CliRun r = CliRun.run(FAKE, "compile", "-O2", in.toString());
        assertThat(r.status()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEmpty();
        assertThat(Files.readString(dir.resolve("a.mpy"))).isEqualTo(
                "FAKE name=" + in + " input=" + in + " O2 bits=31 arch=NONE\nx = 1\n");
        // main.c cuts two bytes and appends "mpy", whatever the name ends in
        Path odd = write("noext", "y = 2\n");
        assertThat(CliRun.run(FAKE, "compile", odd.toString()).status()).isZero();
        assertThat(dir.resolve("noempy")).exists();
    }

    @Test
    void sourceNameOutputFileAndTheLastRepeatedOptionWin() throws Exception {
        Path in = write("b.py", "z = 3\n");
        Path out = dir.resolve("out/b2.mpy");
        Files.createDirectories(out.getParent());
        CliRun r = CliRun.run(FAKE, "compile", "-s", "first.py", "-s", "lib\\b.py", "-o", "ignored.mpy", "-o",
                out.toString(), "-msmall-int-bits=16", in.toString());
        assertThat(r.status()).isZero();
        assertThat(Files.readString(out)).startsWith("FAKE name=lib/b.py input=" + in + " O0 bits=16 ");
        assertThat(dir.resolve("out/ignored.mpy")).doesNotExist();
    }

    @Test
    void dashMeansStandardInputAndStandardOutput() throws Exception {
        CliRun r = CliRun.runWithInput(FAKE, "q = 1\n".getBytes(StandardCharsets.UTF_8), "compile", "-");
        assertThat(r.status()).isZero();
        assertThat(r.stdoutText()).isEqualTo("FAKE name=<stdin> input=<stdin> O0 bits=31 arch=NONE\nq = 1\n");

        Path in = write("c.py", "w = 1\n");
        CliRun toStdout = CliRun.run(FAKE, "compile", "-o", "-", in.toString());
        assertThat(toStdout.stdoutText()).startsWith("FAKE name=" + in);
        assertThat(dir.resolve("c.mpy")).doesNotExist();

        Path out = dir.resolve("from-stdin.mpy");
        CliRun stdinToFile = CliRun.runWithInput(FAKE, "v = 1\n".getBytes(StandardCharsets.UTF_8), "compile", "-o",
                out.toString(), "-");
        assertThat(stdinToFile.stdout()).isEmpty();
        assertThat(Files.readString(out)).startsWith("FAKE name=<stdin>");
    }

    @Test
    void doubleDashMakesTheRestFiles() throws Exception {
        Path in = write("-d.py", "a = 1\n");
        CliRun r = CliRun.run(FAKE, "compile", "-o", dir.resolve("d.mpy").toString(), "--", in.toString());
        assertThat(r.status()).isZero();
    }

    @Test
    void errorAsFileLineColumnWithTheSourceLineAndACaret() throws Exception {
        Path in = write("e.py", "x = 1\n\tif x: ERROR\n");
        Files.writeString(dir.resolve("e.mpy"), "old");
        CliRun r = CliRun.run(FAKE, "compile", in.toString());
        assertThat(r.status()).isEqualTo(1);
        // columns count characters, a tab as one (as VS Code reads them); the caret keeps the tab
        assertThat(r.stderr()).isEqualTo(in + ":2:8: SyntaxError: invalid syntax\n    \tif x: ERROR\n    \t      ^\n");
        assertThat(Files.readString(dir.resolve("e.mpy"))).isEqualTo("old");
    }

    @Test
    void errorWithoutALineSaysSo() throws Exception {
        Path in = write("f.py", "a = 1\nb = NOLINE\n");
        CliRun r = CliRun.run(FAKE, "compile", in.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo(in + ": RuntimeError: name too long\n"
                + in + ":2:5: note: mpy-cross names no line for this error; freezer found it here\n"
                + "    b = NOLINE\n        ^\n");
    }

    @Test
    void jsonErrors() throws Exception {
        Path in = write("g.py", "ERROR\n");
        CliRun r = CliRun.run(FAKE, "compile", "--error-format=json", in.toString());
        assertThat(r.status()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.stderr());
        assertThat(j.get("file").asText()).isEqualTo(in.toString());
        assertThat(j.get("line").asInt()).isEqualTo(1);
        assertThat(j.get("column").asInt()).isEqualTo(1);
        assertThat(j.get("type").asText()).isEqualTo("SyntaxError");
        assertThat(j.get("message").asText()).isEqualTo("invalid syntax");
        assertThat(j.get("lineReported").asBoolean()).isTrue();
        assertThat(j.get("offset").asInt()).isZero();
        assertThat(j.has("note")).isFalse();
        assertThat(r.stderr().strip().lines()).hasSize(1);

        Path noline = write("h.py", "NOLINE\n");
        JsonNode k = new ObjectMapper().readTree(
                CliRun.run(FAKE, "compile", "--error-format", "json", noline.toString()).stderr());
        assertThat(k.get("lineReported").asBoolean()).isFalse();
        assertThat(k.get("line").asInt()).isEqualTo(1);
    }

    @Test
    void unreadableInputAndUnwritableOutputAreInputErrors() throws Exception {
        CliRun missing = CliRun.run(FAKE, "compile", dir.resolve("nofile.py").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo(dir.resolve("nofile.py") + ": OSError: can't open "
                + dir.resolve("nofile.py") + ": no such file or directory\n");

        Path in = write("i.py", "x = 1\n");
        Path notADir = write("plain-file", "");
        CliRun unwritable = CliRun.run(FAKE, "compile", "-o", notADir.resolve("x.mpy").toString(), in.toString());
        assertThat(unwritable.status()).isEqualTo(1);
        assertThat(unwritable.stderr()).startsWith(notADir.resolve("x.mpy") + ": OSError: can't write ");

        CliRun directory = CliRun.run(FAKE, "compile", dir.toString());
        assertThat(directory.status()).isEqualTo(1);
        assertThat(directory.stderr()).contains("OSError").contains("is a directory");
    }

    @Test
    void aCompilerBugIsReportedWithoutAStackTrace() throws Exception {
        Path in = write("j.py", "CRASH\n");
        CliRun r = CliRun.run(FAKE, "compile", in.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith(in + ": InternalError: freezer failed on this file"
                + " (java.lang.IllegalStateException: compiler bug)").doesNotContain("\tat ");
    }

    @Test
    void outputToADeviceIsWrittenInPlaceAndLinksAreWrittenThrough() throws Exception {
        Path in = write("k.py", "x = 1\n");
        assertThat(CliRun.run(FAKE, "compile", "-o", "/dev/null", in.toString()).status()).isZero();
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();

        Path real = write("real.mpy", "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.mpy"), real);
        assertThat(CliRun.run(FAKE, "compile", "-o", link.toString(), in.toString()).status()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("FAKE");
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws Exception {
        Path in = write("l.py", "x = 1\n");
        assertThat(CliRun.run(FAKE, "compile", in.toString()).status()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("l.py", "l.mpy");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.py b.py", "-Z a.py", "-X", "-X bad a.py", "-march=foo a.py", "-o", "-s",
        "-msmall-int-bits=x a.py", "-X emit=native a.py", "-march=x64 -march-flags=1 a.py", "--jobs 2 a.py",
        "--error-format=xml a.py"})
    void usageErrorsExitWith2(String args) {
        String[] argv = ("compile " + args).strip().split(" ");
        CliRun r = CliRun.run(FAKE, argv);
        assertThat(r.status()).as(r.stderr()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("freezer compile: ").contains("freezer compile --help");
    }

    @Test
    void helpAndTopLevel() {
        CliRun help = CliRun.run(FAKE, "compile", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.stdoutText()).contains("--root DIR", "-msmall-int-bits=N", "--error-format");
        assertThat(CliRun.run(FAKE).status()).isEqualTo(2);
        assertThat(CliRun.run(FAKE, "no-such-command").status()).isEqualTo(2);
        CliRun version = CliRun.run(FAKE, "--version");
        assertThat(version.status()).isZero();
        assertThat(version.stdoutText()).startsWith("freezer ");
        assertThat(CliRun.run(FAKE, "--help").stdoutText()).contains("compile");
    }
}
