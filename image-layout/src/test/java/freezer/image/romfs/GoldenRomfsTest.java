package freezer.image.romfs;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.CompileOptions;
import freezer.core.batch.BatchCompiler;
import freezer.testkit.GoldenRomfs;
import freezer.testkit.HexDiff;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tree of {@code ../shared/golden/romfs} built as {@code mpremote romfs build} builds it,
 * with and without compiling, byte for byte; the tree printed as make_romfs prints it; nothing
 * written into the tree.
 */
class GoldenRomfsTest {

    static List<GoldenRomfs.Case> cases() {
        return GoldenRomfs.cases();
    }

    private static Path copy(GoldenRomfs.Case c, String mode) {
        return c.copyTree(Shared.targetDir("golden-romfs/" + c.name() + "-" + mode));
    }

    static byte[] build(Path tree, boolean compile) {
        SourceTree source = SourceTree.scan(tree, "tree", compile);
        assertThat(source.problems()).isEmpty();
        RomfsBuild b = RomfsBuilder.build(source.root(), CompileOptions.DEFAULT, BatchCompiler.allCores());
        assertThat(b.problems()).isEmpty();
        return RomfsWriter.write(b.root());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiledImageIsUpstreams(GoldenRomfs.Case c) throws IOException {
        Path tree = copy(c, "mpy");
        String before = GoldenRomfs.hash(tree);
        byte[] image = build(tree, true);
        byte[] expected = Files.readAllBytes(c.image());
        assertThat(HexDiff.firstDifference(expected, image)).as(c.name() + ".img: %s",
                HexDiff.describe(expected, image)).isEqualTo(-1);
        assertThat(GoldenRomfs.hash(tree)).as("the tree after the build").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void copiedImageIsUpstreams(GoldenRomfs.Case c) throws IOException {
        Path tree = copy(c, "nompy");
        String before = GoldenRomfs.hash(tree);
        byte[] image = build(tree, false);
        byte[] expected = Files.readAllBytes(c.imageWithoutMpy());
        assertThat(HexDiff.firstDifference(expected, image)).as(c.name() + ".nompy.img: %s",
                HexDiff.describe(expected, image)).isEqualTo(-1);
        assertThat(GoldenRomfs.hash(tree)).as("the tree after the build").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void listingIsWhatMakeRomfsPrints(GoldenRomfs.Case c) throws IOException {
        Path tree = copy(c, "listing");
        String expected = Files.readString(c.listing(), StandardCharsets.UTF_8);
        assertThat(SourceListing.of(SourceTree.scan(tree, "tree", true))).isEqualTo(expected);
    }
}
