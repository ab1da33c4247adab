package freezer.image.romfs;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.CompileOptions;
import freezer.core.MpyCompiler;
import freezer.core.batch.BatchCompiler;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyReader;
import freezer.core.mpy.MpyWriter;
import freezer.image.frozenc.SourceText;
import freezer.image.manifest.FreezeKind;
import freezer.image.manifest.Manifest;
import freezer.image.manifest.ManifestEntry;
import freezer.image.manifest.ManifestEvaluator;
import freezer.image.manifest.ManifestInput;
import freezer.image.manifest.ManifestOrigin;
import freezer.image.manifest.PathVariables;
import freezer.testkit.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden freeze project's manifest laid out as a ROMFS image: each file at its frozen
 * name (compiled modules as .mpy, with the manifest's opt and version tag and the frozen name
 * embedded), str and prebuilt files as they are, folders in make_romfs's order.
 */
class ManifestTreeTest {

    static List<Path> projects() {
        try (Stream<Path> s = Files.list(Shared.golden("freeze"))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("manifest.py"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's variables as the golden README passes them: {@code -v NAME=<abs project>/<path>}. */
    static Manifest evaluate(Path project) throws IOException {
        Path abs = project.toAbsolutePath().normalize();
        List<String> assignments = new ArrayList<>();
        for (String line : Files.readAllLines(project.resolve("vars"), StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                int eq = t.indexOf('=');
                assignments.add(t.substring(0, eq) + "=" + abs + "/" + t.substring(eq + 1));
            }
        }
        return new ManifestEvaluator(PathVariables.fromAssignments(assignments, abs), abs.getParent())
                .evaluate(List.of(new ManifestInput.File(abs.resolve("manifest.py"))));
    }

    /** Compiled modules at their frozen name as .mpy; prebuilt ones at the name embedded in them, as mpy-tool.py freezes them. */
    private static String imageName(ManifestEntry e) throws Exception {
        if (e.kind() == FreezeKind.MPY) {
            String embedded = MpyReader.read(Files.readAllBytes(e.source())).qstrs().get(0);
            return embedded.substring(0, embedded.length() - 3) + ".mpy";
        }
        return e.kind() == FreezeKind.COMPILE ? e.target().substring(0, e.target().length() - 3) + ".mpy" : e.target();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void everyEntryAtItsFrozenName(Path project) throws Exception {
        Manifest manifest = evaluate(project);
        SourceTree tree = ManifestTree.of(manifest.entries(), "manifest: " + project.getFileName(),
                CompileOptions.DEFAULT, true);
        assertThat(tree.problems()).isEmpty();
        RomfsBuild build = RomfsBuilder.build(tree.root(), CompileOptions.DEFAULT, BatchCompiler.allCores());
        assertThat(build.problems()).isEmpty();
        byte[] image = RomfsWriter.write(build.root());
        RomfsContents contents = RomfsReader.read(image);

        Map<String, RomfsEntry> files = new HashMap<>();
        for (RomfsEntry e : contents.entries()) {
            if (!e.isDirectory()) {
                files.put(e.path(), e);
            }
        }
        assertThat(files).hasSize(manifest.entries().size());
        for (ManifestEntry e : manifest.entries()) {
            RomfsEntry f = files.get(imageName(e));
            assertThat(f).as(e.target()).isNotNull();
            byte[] data = Arrays.copyOfRange(image, (int) f.dataOffset(), (int) (f.dataOffset() + f.dataSize()));
            byte[] raw = Files.readAllBytes(e.source());
            if (e.kind() != FreezeKind.COMPILE) {
                assertThat(data).as(e.target()).isEqualTo(raw);
                continue;
            }
            CompiledModule m = MpyReader.read(data);
            assertThat(m.qstrs().get(0)).isEqualTo(e.target());
            boolean tagged = e.version() != null && !new String(raw, StandardCharsets.UTF_8).contains("__version__ =");
            assertThat(m.qstrs().contains("__version__")).as(e.target()).isEqualTo(
                    tagged || new String(raw, StandardCharsets.UTF_8).contains("__version__"));
            CompileOptions own = CompileOptions.DEFAULT.withOptimisationLevel(e.opt()).withSourceName(e.target());
            assertThat(data).as(e.target()).isEqualTo(MpyWriter.write(MpyCompiler.compile(
                    SourceText.tagged(raw, e.version()), e.source().toString(), own)));
        }
        assertOrdered(tree.root());
    }

    /** Each folder's entries by name, a compiled module by its .py name (make_romfs's order). */
    private static void assertOrdered(List<SourceNode> nodes) {
        List<String> keys = new ArrayList<>();
        for (SourceNode n : nodes) {
            keys.add(n instanceof SourceNode.Compile c ? c.listedName() : n.name());
            if (n instanceof SourceNode.Directory d) {
                assertOrdered(d.entries());
            }
        }
        assertThat(keys).isSorted();
    }

    @Test
    void clashingAndNonAsciiNamesAreProblems() {
        Path src = Path.of("/src/a.py");
        ManifestOrigin at = new ManifestOrigin(Path.of("manifest.py"), 1, 1);
        List<ManifestEntry> entries = List.of(
                new ManifestEntry(FreezeKind.COMPILE, src, "pkg/a.py", 0, null, at),
                new ManifestEntry(FreezeKind.COMPILE, Path.of("/src/a.mpy"), "pkg/a.py", 0, null, at),
                new ManifestEntry(FreezeKind.STR, Path.of("/src/pkg"), "pkg", 0, null, at),
                new ManifestEntry(FreezeKind.STR, Path.of("/src/c.py"), "café.py", 0, null, at),
                new ManifestEntry(FreezeKind.STR, Path.of("/src/x.py"), "pkg/a.py/x.py", 0, null, at));
        SourceTree tree = ManifestTree.of(entries, "manifest: test", CompileOptions.DEFAULT, true);
        assertThat(tree.problems()).extracting(RomfsProblem::file).containsExactly("/src/a.mpy", "/src/pkg",
                "/src/c.py");
        SourceTree missing = ManifestTree.of(List.of(new ManifestEntry(FreezeKind.MPY, Path.of("/nonesuch/b.mpy"),
                "b.mpy", 0, null, at)), "manifest: test", CompileOptions.DEFAULT, true);
        assertThat(missing.problems()).extracting(RomfsProblem::file).containsExactly("/nonesuch/b.mpy");
        assertThat(tree.problems().get(2)).isInstanceOfSatisfying(RomfsProblem.Source.class,
                p -> assertThat(p.type()).isEqualTo("UnicodeEncodeError"));
    }

    @Test
    void withoutCompilingModulesAreTheirSource() throws Exception {
        Path project = Shared.golden("freeze", "minimal");
        Manifest manifest = evaluate(project);
        SourceTree tree = ManifestTree.of(manifest.entries(), "m", CompileOptions.DEFAULT, false);
        assertThat(tree.root()).allMatch(n -> n instanceof SourceNode.Copy c && c.name().endsWith(".py"));
        assertThat(SourceListing.of(tree)).startsWith("Building romfs filesystem, m\n/\n");
    }
}
