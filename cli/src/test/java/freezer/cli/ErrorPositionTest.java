package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.SourcePosition;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Where errors point, with the real compiler: into the source as written (inside f-strings,
 * t-strings and strings joined across lines), in characters (code points, a tab one), with
 * mpy-cross's line kept first and a note where the fault is elsewhere.
 */
class ErrorPositionTest {
    private Path dir;

    @BeforeEach
    void setUp() {
        dir = Shared.targetDir("error-positions");
    }

    private CliRun compile(String name, String source, String... options) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, source.getBytes(StandardCharsets.UTF_8));
        String[] args = Stream.concat(Stream.of("compile"), Stream.concat(Stream.of(options), Stream.of(p.toString())))
                .toArray(String[]::new);
        return CliRun.run(ModuleCompiler.MPY_CROSS, args);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void insideAnFStringTheErrorPointsIntoTheString() throws IOException {
        CliRun r = compile("f.py", "x = f\"{1 +}\"\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo(path("f.py") + ":1:11: SyntaxError: invalid syntax\n"
                + "    x = f\"{1 +}\"\n"
                + "              ^\n");
        JsonNode j = new ObjectMapper().readTree(compile("f.py", "x = f\"{1 +}\"\n", "--error-format=json").stderr());
        assertThat(j.get("line").asInt()).isEqualTo(1);
        assertThat(j.get("column").asInt()).isEqualTo(11);
        assertThat(j.get("offset").asInt()).isEqualTo(10);
    }

    @Test
    void insideATStringToo() throws IOException {
        CliRun r = compile("t.py", "x = t\"{1 +}\"\n");
        assertThat(r.stderr()).startsWith(path("t.py") + ":1:11: SyntaxError: invalid syntax\n");
    }

    @Test
    void aStringJoinedAcrossLinesKeepsMpyCrossesLineAndNotesTheRealOne() throws IOException {
        CliRun r = compile("j.py", "x = (f\"{1 +}\"\n     \"a\")\n");
        assertThat(r.stderr()).isEqualTo(path("j.py") + ":2:1: SyntaxError: invalid syntax\n"
                + path("j.py") + ":1:12: note: the error is here; mpy-cross reports it at line 2\n"
                + "    x = (f\"{1 +}\"\n"
                + "               ^\n");
    }

    @Test
    void aBadDedentKeepsMpyCrossesLineAndNotesTheOffendingToken() throws IOException {
        CliRun r = compile("d.py", "if True:\n        a = 1\n    b = 2\n");
        assertThat(r.stderr()).isEqualTo(path("d.py")
                + ":2:14: IndentationError: unindent doesn't match any outer indent level\n"
                + path("d.py") + ":3:5: note: the error is here; mpy-cross reports it at line 2\n"
                + "        b = 2\n"
                + "        ^\n");
        JsonNode j = new ObjectMapper().readTree(
                compile("d.py", "if True:\n        a = 1\n    b = 2\n", "--error-format=json").stderr());
        assertThat(j.get("line").asInt()).isEqualTo(2);
        assertThat(j.get("note").get("line").asInt()).isEqualTo(3);
        assertThat(j.get("note").get("column").asInt()).isEqualTo(5);
        assertThat(j.get("offset").asInt()).isEqualTo("if True:\n        a = 1\n    ".length());
    }

    @Test
    void columnsCountCharactersNotBytesAndATabIsOne() throws IOException {
        CliRun r = compile("u.py", "s = \"é€😀\" + ?\n");
        assertThat(r.stderr()).startsWith(path("u.py") + ":1:13: SyntaxError: invalid syntax\n");
        JsonNode j = new ObjectMapper().readTree(compile("u.py", "s = \"é€😀\" + ?\n", "--error-format=json")
                .stderr());
        assertThat(j.get("column").asInt()).isEqualTo(13);
        assertThat(j.get("offset").asInt()).isEqualTo("s = \"é€😀\" + ".getBytes(StandardCharsets.UTF_8).length);
        assertThat(compile("tab.py", "if x:\n\ty = ?\n").stderr()).startsWith(path("tab.py") + ":2:6: ");
    }

    @Test
    void anErrorAboutADecoratorPointsAtTheDecorator() throws IOException {
        CliRun r = compile("dec.py", "class A:\n    @micropython.foo\n    def f(self):\n        pass\n");
        assertThat(r.stderr()).isEqualTo(path("dec.py") + ":1:9: SyntaxError: invalid micropython decorator\n"
                + path("dec.py") + ":2:5: note: the error is here; mpy-cross reports it at line 1\n"
                + "        @micropython.foo\n"
                + "        ^\n");
        CliRun arch = compile("arch.py", "@micropython.native\n\n\ndef f():\n    pass\n");
        assertThat(arch.stderr()).startsWith(path("arch.py") + ":1:1: SyntaxError: invalid arch\n");
    }

    /** Over every golden reject: the position is on a line of the file, never past the end of its line. */
    @TestFactory
    Stream<DynamicTest> everyGoldenRejectPointsInsideItsLine() throws IOException {
        Path bad = Shared.golden("compile", "bad");
        try (Stream<Path> walk = Files.walk(bad)) {
            return walk.filter(p -> p.toString().endsWith(".py")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(bad.relativize(p).toString(), () -> pointsInside(p)));
        }
    }

    private static void pointsInside(Path p) throws IOException {
        byte[] source = Files.readAllBytes(p);
        CompileError e;
        try {
            ModuleCompiler.MPY_CROSS.compile(source, p.getFileName().toString(), CompileOptions.DEFAULT);
            return; // a variant-only reject; the golden tests cover it
        } catch (CompileError thrown) {
            e = thrown;
        }
        Diagnostic d = Diagnostic.of(e, "x.py", source);
        if (d.line() == 0) {
            return;
        }
        int start = SourcePosition.lineStart(source, d.line());
        assertThat(start).as("line %d exists", d.line()).isNotNegative();
        assertThat(d.column()).as("column on line %d", d.line()).isBetween(1,
                SourcePosition.lineLength(source, start) + 1);
        if (d.fault() != null) {
            assertThat(d.fault().column()).isBetween(1, SourcePosition.lineLength(source, d.fault().lineStart()) + 1);
        }
    }
}
