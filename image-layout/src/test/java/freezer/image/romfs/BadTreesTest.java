package freezer.image.romfs;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.CompileOptions;
import freezer.core.ErrorType;
import freezer.core.batch.BatchCompiler;
import freezer.testkit.GoldenRomfs;
import freezer.testkit.HexDiff;
import freezer.testkit.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The trees upstream fails on ({@code ../shared/golden/romfs/bad}): freezer names the file (and
 * line) instead, writes nothing into the tree, and without compiling builds what upstream builds.
 */
class BadTreesTest {

    private static GoldenRomfs.Case bad(String name) {
        return GoldenRomfs.badCases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void nonAsciiNameIsRefusedInBothModes() {
        GoldenRomfs.Case c = bad("nonascii_name");
        for (boolean compile : new boolean[] {true, false}) {
            Path tree = c.copyTree(Shared.targetDir("bad-romfs/nonascii-" + compile));
            String before = GoldenRomfs.hash(tree);
            SourceTree source = SourceTree.scan(tree, "tree", compile);
            assertThat(source.problems()).hasSize(1);
            RomfsProblem p = source.problems().get(0);
            assertThat(p.file()).isEqualTo("tree/café.py");
            assertThat(((RomfsProblem.Source) p).message()).contains("ASCII").contains("'é' at byte 3");
            assertThat(GoldenRomfs.hash(tree)).isEqualTo(before);
        }
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        GoldenRomfs.Case c = bad("syntax_error");
        Path tree = c.copyTree(Shared.targetDir("bad-romfs/syntax-mpy"));
        String before = GoldenRomfs.hash(tree);
        SourceTree source = SourceTree.scan(tree, "tree", true);
        assertThat(source.problems()).isEmpty();
        RomfsBuild b = RomfsBuilder.build(source.root(), CompileOptions.DEFAULT, BatchCompiler.allCores());
        assertThat(b.problems()).hasSize(1);
        RomfsProblem.Rejected r = (RomfsProblem.Rejected) b.problems().get(0);
        assertThat(r.file()).isEqualTo("tree/broken.py");
        assertThat(r.error().type()).isEqualTo(ErrorType.SyntaxError);
        assertThat(r.error().line()).isEqualTo(2);
        assertThat(r.error().file()).isEqualTo("tree/broken.py");
        assertThat(b.root()).isEmpty();
        assertThat(GoldenRomfs.hash(tree)).isEqualTo(before);
        assertThat(Files.exists(tree.resolve("broken.mpy"))).isFalse();
    }

    @Test
    void syntaxErrorTreeWithoutCompilingIsUpstreamsImage() throws Exception {
        GoldenRomfs.Case c = bad("syntax_error");
        Path tree = c.copyTree(Shared.targetDir("bad-romfs/syntax-nompy"));
        byte[] image = GoldenRomfsTest.build(tree, false);
        byte[] expected = Files.readAllBytes(c.imageWithoutMpy());
        assertThat(HexDiff.firstDifference(expected, image)).as(HexDiff.describe(expected, image)).isEqualTo(-1);
    }

    @Test
    void specialCasesOfTheTree() throws Exception {
        Path dir = Shared.targetDir("bad-romfs/special");
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("sub"));
        Files.writeString(tree.resolve("a.py"), "x = 1\n");
        Files.createDirectories(tree.resolve("a.mpy"));
        Files.createSymbolicLink(tree.resolve("sub/loop"), Path.of(".."));
        Files.createSymbolicLink(tree.resolve("dangling"), Path.of("nowhere"));
        SourceTree source = SourceTree.scan(tree, "tree", true);
        assertThat(source.problems()).extracting(RomfsProblem::file)
                .containsExactly("tree/a.py", "tree/dangling", "tree/sub/loop/");
        assertThat(SourceTree.scan(dir.resolve("missing"), "missing", true).problems()).extracting(RomfsProblem::file)
                .containsExactly("missing");
    }

    @Test
    void backslashesInTheInputPathBecomeSlashesAsInMpyCross() throws Exception {
        Path dir = Shared.targetDir("bad-romfs/backslash");
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("m.py"), "pass\n");
        SourceTree source = SourceTree.scan(tree, "a\\tree", true);
        RomfsBuild b = RomfsBuilder.build(source.root(), CompileOptions.DEFAULT, new BatchCompiler(1));
        assertThat(b.modules().get(0).module().qstrs().get(0)).isEqualTo("a/tree/m.py");
    }
}
