package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code freezer compile --root --out-dir}: naming rules, parallel runs, failures, atomic writes. */
class BatchCompileTest {
    private static final FakeCompiler FAKE = new FakeCompiler();
    private Path dir;
    private Path root;

    @BeforeEach
    void setUp() throws IOException {
        dir = Shared.targetDir("cli-batch");
        root = Files.createDirectories(dir.resolve("src"));
    }

    private Path write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private CliRun batch(String... more) {
        List<String> args = new ArrayList<>(List.of("compile", "--root", root.toString(), "--out-dir",
                dir.resolve("out").toString()));
        args.addAll(List.of(more));
        return CliRun.run(FAKE, args.toArray(String[]::new));
    }

    /** Every file under the folder, by path relative to it, with its content. */
    private static Map<String, String> tree(Path top) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.exists(top)) {
            return m;
        }
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                m.put(top.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }

    @Test
    void outputsMirrorTheTreeAndEmbedThePathUnderTheRoot() throws IOException {
        write("main.py", "m = 1\n");
        Path driver = write("drivers/bme280.py", "d = 1\n");
        CliRun r = batch("-O1", "main.py", driver.toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdoutText()).isEqualTo("freezer: compiled 2 of 2 files into " + dir.resolve("out") + "\n");
        Map<String, String> out = tree(dir.resolve("out"));
        assertThat(out).containsOnlyKeys("main.mpy", "drivers/bme280.mpy");
        assertThat(out.get("drivers/bme280.mpy")).isEqualTo(
                "FAKE name=drivers/bme280.py input=drivers/bme280.py O1 bits=31 arch=NONE\nd = 1\n");
    }

    @Test
    void noFilesMeansEveryPyFileUnderTheRootOutsideHiddenFolders() throws IOException {
        write("a.py", "a\n");
        write("pkg/__init__.py", "\n");
        write("pkg/sub/b.py", "b\n");
        write(".venv/lib/c.py", "c\n");
        write("notes.txt", "n\n");
        CliRun r = batch("-v");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(tree(dir.resolve("out"))).containsOnlyKeys("a.mpy", "pkg/__init__.mpy", "pkg/sub/b.mpy");
        String out = dir.resolve("out").toString();
        assertThat(r.stdoutText()).contains("wrote " + out + "/pkg/sub/b.mpy (").contains("compiled 3 of 3 files");
    }

    @Test
    void aLinkToAPyFileIsCompiledAsTheFileAndALinkToAFolderIsNotEntered() throws IOException {
        write("lib/real.py", "r\n");
        Files.createSymbolicLink(root.resolve("alias.py"), root.resolve("lib/real.py"));
        Files.createSymbolicLink(root.resolve("linked-lib"), root.resolve("lib"));
        CliRun r = batch();
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(tree(dir.resolve("out"))).containsOnlyKeys("lib/real.mpy", "alias.mpy");
    }

    @Test
    void listFilesGiveOnePathPerLineTakenWhole() throws IOException {
        write("with space.py", "s\n");
        write("x.py", "x\n");
        Path list = dir.resolve("files.txt");
        Files.writeString(list, "with space.py\n\n   \nx.py\r\n");
        CliRun r = batch("@" + list);
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(tree(dir.resolve("out"))).containsOnlyKeys("with space.mpy", "x.mpy");

        CliRun missing = batch("@" + dir.resolve("no-list.txt"));
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.stderr()).contains("can't read list file");
    }

    @Test
    void namingProblemsStopEverythingWithUsageStatus() throws IOException {
        write("a.py", "a\n");
        write("b.txt", "b\n");
        Path outside = dir.resolve("outside.py");
        Files.writeString(outside, "o\n");
        CliRun r = batch("a.py", "../outside.py", outside.toString(), "./a.py", "b.txt", "sub/../a.py");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderr().lines()).containsExactly(
                "freezer compile: ../outside.py: outside --root " + root
                        + " (a FILE is a path under the root, relative to it or absolute)",
                "freezer compile: " + outside + ": outside --root " + root
                        + " (a FILE is a path under the root, relative to it or absolute)",
                "freezer compile: ./a.py: a.py and ./a.py both compile to " + dir.resolve("out/a.mpy"),
                "freezer compile: b.txt: not a .py file",
                "freezer compile: sub/../a.py: a.py and sub/../a.py both compile to " + dir.resolve("out/a.mpy"));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void batchUsageErrors() throws IOException {
        write("a.py", "a\n");
        assertThat(CliRun.run(FAKE, "compile", "--root", root.toString(), "a.py").status()).isEqualTo(2);
        assertThat(batch("-o", "x.mpy", "a.py").status()).isEqualTo(2);
        assertThat(batch("-s", "x.py", "a.py").status()).isEqualTo(2);
        assertThat(batch("-").status()).isEqualTo(2);
        assertThat(batch("--jobs", "0", "a.py").status()).isEqualTo(2);
        assertThat(batch("--jobs=many", "a.py").status()).isEqualTo(2);
        assertThat(CliRun.run(FAKE, "compile", "--root", dir.resolve("none").toString(), "--out-dir", "o", "a.py")
                .stderr()).contains("is not a directory");
    }

    @Test
    void anEmptyTreeOrListIsNothingToDoNotAMistake() throws IOException {
        CliRun tree = batch();
        assertThat(tree.status()).as(tree.stderr()).isZero();
        assertThat(tree.stderr()).isEmpty();
        assertThat(tree.stdoutText()).isEqualTo("freezer: compiled 0 of 0 files into " + dir.resolve("out")
                + " (no .py files under " + root + ")\n");
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n");
        CliRun list = batch("@" + empty);
        assertThat(list.status()).isZero();
        assertThat(list.stdoutText()).endsWith("(the list files are empty)\n");
    }

    @Test
    void aFailedFileWritesNothingStopsNothingAndErrorsComeInInputOrder() throws IOException {
        // the first file is slow and the errors are in later files: threads finish out of order
        write("a.py", "SLOW 300\nok\n");
        write("b.py", "SLOW 100\nb = ERROR\n");
        write("c.py", "ok\n");
        write("d.py", "NOLINE\n");
        write("e.py", "CRASH\n");
        write("f.py", "ok\n");
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/b.mpy"), "stale");
        CliRun r = batch("--jobs", "4", "a.py", "b.py", "c.py", "d.py", "e.py", "f.py");
        assertThat(r.status()).isEqualTo(1);
        assertThat(tree(dir.resolve("out"))).containsOnlyKeys("a.mpy", "b.mpy", "c.mpy", "f.mpy")
                .containsEntry("b.mpy", "stale");
        List<String> firstLines = r.stderr().lines().filter(l -> !l.startsWith("    ")).toList();
        String s = root.toString();
        assertThat(firstLines).containsExactly(
                s + "/b.py:2:5: SyntaxError: invalid syntax",
                s + "/d.py: RuntimeError: name too long",
                s + "/d.py:1:1: note: mpy-cross names no line for this error; freezer found it here",
                s + "/e.py: InternalError: freezer failed on this file (java.lang.IllegalStateException: compiler bug);"
                        + " this is a bug in freezer, please report it with the file");
        assertThat(r.stdoutText()).isEqualTo("freezer: compiled 3 of 6 files into " + dir.resolve("out")
                + " (3 failed)\n");
    }

    @Test
    void jsonErrorsOnePerLineInInputOrder() throws IOException {
        write("a.py", "SLOW 200\nERROR\n");
        write("b.py", "ERROR\n");
        CliRun r = batch("--error-format=json", "a.py", "b.py");
        List<String> lines = r.stderr().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines.get(0)).get("file").asText()).isEqualTo(root + "/a.py");
        assertThat(json.readTree(lines.get(0)).get("line").asInt()).isEqualTo(2);
        assertThat(json.readTree(lines.get(1)).get("file").asText()).isEqualTo(root + "/b.py");
    }

    @Test
    void sameBytesAndSameReportWhateverTheThreadCount() throws IOException {
        for (int i = 0; i < 60; i++) {
            write("m" + i + "/mod" + i + ".py", (i % 7 == 3 ? "x = ERROR\n" : "SLOW " + (i % 5) + "\nv = " + i + "\n"));
        }
        CliRun one = CliRun.run(FAKE, "compile", "--root", root.toString(), "--out-dir", dir.resolve("out1").toString(),
                "--jobs", "1");
        CliRun many = CliRun.run(FAKE, "compile", "--root", root.toString(), "--out-dir",
                dir.resolve("out8").toString(), "--jobs", "8");
        assertThat(one.status()).isEqualTo(1);
        assertThat(many.status()).isEqualTo(1);
        assertThat(many.stderr()).isEqualTo(one.stderr());
        assertThat(tree(dir.resolve("out8"))).isEqualTo(tree(dir.resolve("out1"))).hasSize(51);
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException {
        for (int i = 0; i < 20; i++) {
            write("p" + i + ".py", "v\n");
        }
        assertThat(batch().status()).isZero();
        try (Stream<Path> walk = Files.walk(dir.resolve("out"))) {
            assertThat(walk.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") || n.endsWith(".tmp")))
                    .isEmpty();
        }
    }
}
