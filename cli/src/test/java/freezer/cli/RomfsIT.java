package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.GoldenImages;
import freezer.testkit.GoldenRomfs;
import freezer.testkit.HexDiff;
import freezer.testkit.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code freezer romfs build tree -o IMAGE} through the launcher, from the folder that holds
 * {@code tree}, exactly as upstream's images were made: every golden tree byte for byte with and
 * without .mpy, and the golden flash images of them in one step. Also the JVM under the C
 * locale, where names past ASCII are not text to Java.
 */
class RomfsIT {

    static List<GoldenRomfs.Case> cases() {
        return GoldenRomfs.cases();
    }

    private static ProcessRun freezer(Path cwd, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessRun.repoRoot().resolve("freezer").toString()));
        cmd.addAll(List.of(args));
        return ProcessRun.run(cwd, new byte[0], cmd);
    }

    private static void assertSame(Path expected, Path actual) throws Exception {
        byte[] e = Files.readAllBytes(expected);
        byte[] a = Files.readAllBytes(actual);
        assertThat(HexDiff.firstDifference(e, a)).as(expected.getFileName() + ": " + HexDiff.describe(e, a))
                .isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyTreeIsUpstreamsImageWithAndWithoutMpy(GoldenRomfs.Case c) throws Exception {
        Path dir = Shared.targetDir("it-romfs/" + c.name());
        Path tree = c.copyTree(dir);
        String before = GoldenRomfs.hash(tree);
        ProcessRun mpy = freezer(dir, "romfs", "build", "tree", "-o", "out.img");
        assertThat(mpy.status()).as(mpy.stderr()).isZero();
        assertSame(c.image(), dir.resolve("out.img"));
        ProcessRun nompy = freezer(dir, "romfs", "build", "--no-mpy", "tree", "-o", "out.nompy.img");
        assertThat(nompy.status()).as(nompy.stderr()).isZero();
        assertSame(c.imageWithoutMpy(), dir.resolve("out.nompy.img"));
        assertThat(GoldenRomfs.hash(tree)).isEqualTo(before);
    }

    static List<GoldenImages.Case> imageCasesOfTrees() {
        return GoldenImages.cases().stream().filter(c -> c.input().startsWith("../romfs/")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imageCasesOfTrees")
    void flashImageOfATreeInOneStep(GoldenImages.Case c) throws Exception {
        String name = c.input().split("/")[2];
        GoldenRomfs.Case tree = GoldenRomfs.cases().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow();
        Path dir = Shared.targetDir("it-romfs/flash-" + c.output());
        tree.copyTree(dir);
        List<String> args = new ArrayList<>(List.of("romfs", "build", "tree", "-o", c.output(), "--address", c.base()));
        if (c.family() != null) {
            args.addAll(List.of("--family", c.family()));
        }
        ProcessRun r = freezer(dir, args.toArray(String[]::new));
        assertThat(r.status()).as(r.stderr()).isZero();
        assertSame(c.expected(), dir.resolve(c.output()));
    }

    @Test
    void namesAreBytesUnderTheCLocale() throws Exception {
        GoldenRomfs.Case bad = GoldenRomfs.badCases().stream().filter(c -> c.name().equals("nonascii_name"))
                .findFirst().orElseThrow();
        Path dir = Shared.targetDir("it-romfs/c-locale");
        Path tree = bad.copyTree(dir);
        String before = GoldenRomfs.hash(tree);
        Path jar = ProcessRun.repoRoot().resolve("cli/target/freezer.jar");
        Map<String, String> cLocale = Map.of("LC_ALL", "C", "LANG", "C");
        ProcessRun r = ProcessRun.run(dir, new byte[0], List.of("java", "-jar", jar.toString(), "romfs", "build",
                "tree", "-o", "out.img"), cLocale);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("tree/café.py: UnicodeEncodeError: ROMFS names must be ASCII, and this one"
                + " has 'é' at byte 3");
        assertThat(Files.exists(dir.resolve("out.img"))).isFalse();
        assertThat(GoldenRomfs.hash(tree)).isEqualTo(before);

        // an ASCII tree under the C locale builds as anywhere else
        GoldenRomfs.Case tiny = GoldenRomfs.cases().stream().filter(c -> c.name().equals("tiny")).findFirst()
                .orElseThrow();
        Path ok = Shared.targetDir("it-romfs/c-locale-tiny");
        tiny.copyTree(ok);
        ProcessRun built = ProcessRun.run(ok, new byte[0], List.of("java", "-jar", jar.toString(), "romfs", "build",
                "tree", "-o", "out.img"), cLocale);
        assertThat(built.status()).as(built.stderr()).isZero();
        assertSame(tiny.image(), ok.resolve("out.img"));
        assertThat(new String(built.stdout(), StandardCharsets.UTF_8)).startsWith("freezer: wrote out.img");
    }
}
