package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import freezer.image.map.ItemKind;
import freezer.image.map.MapItem;
import freezer.image.map.MapJson;
import freezer.image.map.MapKind;
import freezer.image.map.MapUnit;
import freezer.image.map.MemoryMap;
import freezer.image.romfs.RomfsContents;
import freezer.image.romfs.RomfsEntry;
import freezer.image.romfs.RomfsReader;
import freezer.testkit.GoldenRomfs;
import freezer.testkit.HexDiff;
import freezer.testkit.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code freezer romfs build|ls|extract} in process: the images without .mpy byte for byte
 * (compiled modules embed DIR as given, which an in-process test cannot make {@code tree}: the
 * launcher test RomfsIT builds those from the tree's parent folder), ls and extract over every
 * golden image, --max-size, the bad trees, nothing written into a tree.
 */
class RomfsCommandTest {

    static List<GoldenRomfs.Case> cases() {
        return GoldenRomfs.cases();
    }

    /** Every golden ROMFS image. */
    static List<Path> images() {
        List<Path> out = new ArrayList<>();
        for (GoldenRomfs.Case c : GoldenRomfs.cases()) {
            out.add(c.image());
            out.add(c.imageWithoutMpy());
        }
        out.add(GoldenRomfs.badCases().stream().filter(c -> c.imageWithoutMpy() != null).findFirst().orElseThrow()
                .imageWithoutMpy());
        return out;
    }

    private static CliRun freezer(String... args) {
        return CliRun.run(ModuleCompiler.MPY_CROSS, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildWithoutMpyIsUpstreamsImage(GoldenRomfs.Case c) throws Exception {
        Path dir = Shared.targetDir("cli-romfs/nompy-" + c.name());
        Path tree = c.copyTree(dir);
        String before = GoldenRomfs.hash(tree);
        Path out = dir.resolve("out.img");
        CliRun r = freezer("romfs", "build", "--no-mpy", tree.toString(), "-o", out.toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdoutText()).startsWith("freezer: wrote " + out + ": ROMFS image of ");
        byte[] expected = Files.readAllBytes(c.imageWithoutMpy());
        byte[] actual = Files.readAllBytes(out);
        assertThat(HexDiff.firstDifference(expected, actual)).as(HexDiff.describe(expected, actual)).isEqualTo(-1);
        assertThat(GoldenRomfs.hash(tree)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildWithMpyWritesNothingIntoTheTree(GoldenRomfs.Case c) throws Exception {
        Path dir = Shared.targetDir("cli-romfs/mpy-" + c.name());
        Path tree = c.copyTree(dir);
        String before = GoldenRomfs.hash(tree);
        CliRun r = freezer("romfs", "build", tree.toString(), "-o", dir.resolve("out.img").toString(), "-v");
        assertThat(r.status()).as(r.stderr()).isZero();
        String listing = Files.readString(c.listing()).replace("source directory: tree/", "source directory: " + tree
                + "/");
        assertThat(r.stdoutText()).startsWith(listing);
        assertThat(GoldenRomfs.hash(tree)).isEqualTo(before);
        // the same entries as upstream's image, in the same order
        RomfsContents ours = RomfsReader.read(Files.readAllBytes(dir.resolve("out.img")));
        RomfsContents theirs = RomfsReader.read(Files.readAllBytes(c.image()));
        assertThat(ours.entries()).extracting(RomfsEntry::path)
                .containsExactlyElementsOf(theirs.entries().stream().map(RomfsEntry::path).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void lsListsEveryEntryAndItsJsonAgrees(Path image) throws Exception {
        RomfsContents c = RomfsReader.read(Files.readAllBytes(image));
        CliRun text = freezer("romfs", "ls", image.toString(), "--arch", "x64");
        assertThat(text.status()).as(text.stderr()).isZero();
        List<String> lines = text.stdoutText().lines().toList();
        assertThat(lines.get(0)).isEqualTo(image + ": ROMFS image, " + c.size() + " bytes: " + c.files() + " files, "
                + c.directories() + " directories");
        assertThat(lines).hasSize(c.entries().size() + 2);
        for (int i = 0; i < c.entries().size(); i++) {
            RomfsEntry e = c.entries().get(i);
            String line = lines.get(i + 2);
            assertThat(line.strip()).startsWith((e.isDirectory() ? e.recordOffset() : e.dataOffset()) + " ");
            assertThat(line).contains("  " + e.path() + (e.isDirectory() ? "/" : ""));
            if (e.path().endsWith(".mpy")) {
                assertThat(line).contains("(.mpy v6, bytecode, small-int bits 31; on arch x64: loads)");
            }
        }
        CliRun json = freezer("romfs", "ls", "--json", image.toString());
        assertThat(json.status()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.stdout());
        assertThat(root.get("size").asLong()).isEqualTo(c.size());
        assertThat(root.get("entries")).hasSize(c.entries().size());
        for (int i = 0; i < c.entries().size(); i++) {
            JsonNode o = root.get("entries").get(i);
            RomfsEntry e = c.entries().get(i);
            assertThat(o.get("path").asText()).isEqualTo(e.path());
            assertThat(o.get("recordOffset").asLong()).isEqualTo(e.recordOffset());
            assertThat(o.has("mpy")).isEqualTo(e.path().endsWith(".mpy"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void extractRestoresTheTreeThatBuildsTheSameImage(Path image) throws Exception {
        Path dir = Shared.targetDir("cli-romfs/extract-" + image.getFileName());
        Path out = dir.resolve("tree");
        CliRun r = freezer("romfs", "extract", image.toString(), "-o", out.toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        byte[] original = Files.readAllBytes(image);
        Path again = dir.resolve("again.img");
        CliRun b = freezer("romfs", "build", "--no-mpy", out.toString(), "-o", again.toString());
        assertThat(b.status()).as(b.stderr()).isZero();
        byte[] rebuilt = Files.readAllBytes(again);
        // the same files with the same bytes; upstream puts a compiled a.mpy where a.py sorted,
        // so only an image built without compiling comes back in the same order
        assertThat(files(rebuilt)).isEqualTo(files(original));
        if (image.getFileName().toString().endsWith(".nompy.img")) {
            assertThat(rebuilt).isEqualTo(original);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("again.img", "tree");
    }

    /** Each file's path and a digest of its bytes. */
    private static Map<String, String> files(byte[] image) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (RomfsEntry e : RomfsReader.read(image).entries()) {
            String v = "dir";
            if (!e.isDirectory()) {
                v = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(image,
                        (int) e.dataOffset(), (int) (e.dataOffset() + e.dataSize()))));
            }
            out.put(e.path(), v);
        }
        return out;
    }

    @Test
    void maxSizeExitsThreeNamingTheBiggestFiles() throws Exception {
        GoldenRomfs.Case assets = cases().stream().filter(c -> c.name().equals("assets")).findFirst().orElseThrow();
        Path dir = Shared.targetDir("cli-romfs/max-size");
        Path tree = assets.copyTree(dir);
        Path out = dir.resolve("out.img");
        CliRun r = freezer("romfs", "build", "--no-mpy", tree.toString(), "-o", out.toString(), "--max-size", "100K");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.stderr()).startsWith("freezer romfs: the image is 107302 bytes, 4902 over --max-size 102400;"
                + " no image written. The biggest files:\n")
                .contains("     70019  fonts/glyphs.bin\n").contains("  sizes/s16384.bin\n");
        assertThat(Files.exists(out)).isFalse();
        CliRun fits = freezer("romfs", "build", "--no-mpy", tree.toString(), "-o", out.toString(), "--max-size",
                "107302");
        assertThat(fits.status()).as(fits.stderr()).isZero();
        assertThat(Files.size(out)).isEqualTo(107302);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapTotalsAreTheImageSize(GoldenRomfs.Case c) throws Exception {
        Path dir = Shared.targetDir("cli-romfs/map-" + c.name());
        Path tree = c.copyTree(dir);
        Path out = dir.resolve("out.img");
        Path json = dir.resolve("map.json");
        CliRun r = freezer("romfs", "build", tree.toString(), "-o", out.toString(), "--map", json.toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        MemoryMap map = MapJson.read(Files.readAllBytes(json));
        long size = Files.size(out);
        assertThat(map.kind()).isEqualTo(MapKind.ROMFS);
        assertThat(map.total()).isEqualTo(size);
        long units = map.units().stream().mapToLong(MapUnit::size).sum();
        long shared = map.shared().stream().mapToLong(MapItem::size).sum();
        assertThat(units + shared).isEqualTo(size);
        // every .mpy (compiled here or prebuilt) splits into tables and bytecode
        for (MapUnit u : map.units()) {
            assertThat(u.items().stream().anyMatch(i -> i.kind() == ItemKind.BYTECODE)).as(u.path())
                    .isEqualTo(u.path().endsWith(".mpy"));
        }
        CliRun table = freezer("romfs", "build", tree.toString(), "-o", out.toString(), "--map", "-");
        assertThat(table.stdoutText()).startsWith("memory map: romfs\n").contains("total " + size + " bytes in 1 sections");
    }

    @Test
    void mapIsWrittenEvenWhenTheImageDoesNotFitAndNeverBesideAnImageOnStdout() throws Exception {
        Path dir = Shared.targetDir("cli-romfs/map-over");
        Path tree = cases().get(0).copyTree(dir);
        Path json = dir.resolve("map.json");
        CliRun r = freezer("romfs", "build", tree.toString(), "-o", dir.resolve("x.img").toString(), "--map",
                json.toString(), "--max-size", "16");
        assertThat(r.status()).isEqualTo(3);
        assertThat(Files.exists(json)).isTrue();
        assertThat(Files.exists(dir.resolve("x.img"))).isFalse();
        assertThat(freezer("romfs", "build", tree.toString(), "-o", "-", "--map", "-").status()).isEqualTo(2);
    }

    @Test
    void manifestModulesAtTheirFrozenNames() throws Exception {
        Path project = Shared.golden("freeze", "sensor_node").toAbsolutePath().normalize();
        Path dir = Shared.targetDir("cli-romfs/manifest");
        Path out = dir.resolve("sensor.img");
        CliRun r = freezer("romfs", "build", "--manifest", project.resolve("manifest.py").toString(), "--var",
                "MPY_LIB_DIR=" + project.resolve("lib"), "--var", "COMMON=" + project.resolve("shared_parts"), "-o",
                out.toString(), "--verbose");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdoutText()).startsWith("Building romfs filesystem, manifest: " + project.resolve("manifest.py")
                + "\n/\n").contains("|-- app.py -> .mpy\n");
        List<String> paths = RomfsReader.read(Files.readAllBytes(out)).entries().stream().map(RomfsEntry::path)
                .toList();
        assertThat(paths).contains("app.mpy", "settings.mpy", "drivers");
        CliRun ls = freezer("romfs", "ls", out.toString());
        assertThat(ls.status()).isZero();

        Path bad = Shared.golden("freeze", "bad", "manifest_syntax", "manifest.py").toAbsolutePath();
        CliRun syntax = freezer("romfs", "build", "--manifest", bad.toString(), "-o", dir.resolve("bad.img").toString());
        assertThat(syntax.status()).isEqualTo(1);
        assertThat(syntax.stderr()).startsWith(bad + ":").endsWith("freezer romfs: no image written\n");
        assertThat(Files.exists(dir.resolve("bad.img"))).isFalse();

        Path broken = Shared.golden("freeze", "bad", "module_syntax", "manifest.py").toAbsolutePath();
        CliRun module = freezer("romfs", "build", "--manifest", broken.toString(), "-o", dir.resolve("bad.img").toString());
        assertThat(module.status()).isEqualTo(1);
        assertThat(module.stderr()).contains("broken.py:").contains("SyntaxError");

        assertThat(freezer("romfs", "build", "x", "--manifest", bad.toString(), "-o", "y.img").status()).isEqualTo(2);
        assertThat(freezer("romfs", "build", "-O2", "--manifest", bad.toString(), "-o", "y.img").status()).isEqualTo(2);
        assertThat(freezer("romfs", "build", "-o", "y.img").status()).isEqualTo(2);
    }

    @Test
    void syntaxErrorNamesFileAndLineAndWritesNothing() throws Exception {
        GoldenRomfs.Case bad = GoldenRomfs.badCases().stream().filter(c -> c.name().equals("syntax_error"))
                .findFirst().orElseThrow();
        Path dir = Shared.targetDir("cli-romfs/syntax");
        Path tree = bad.copyTree(dir);
        String before = GoldenRomfs.hash(tree);
        Path out = dir.resolve("out.img");
        CliRun r = freezer("romfs", "build", tree.toString(), "-o", out.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith(tree + "/broken.py:2:12: SyntaxError: invalid syntax\n")
                .endsWith("freezer romfs: no image written (1 problem)\n");
        assertThat(Files.exists(out)).isFalse();
        assertThat(GoldenRomfs.hash(tree)).isEqualTo(before);
        CliRun json = freezer("romfs", "build", tree.toString(), "-o", out.toString(), "--error-format", "json");
        assertThat(json.stderr()).contains("\"line\":2").contains("\"type\":\"SyntaxError\"");
        CliRun nompy = freezer("romfs", "build", "--no-mpy", tree.toString(), "-o", out.toString());
        assertThat(nompy.status()).as(nompy.stderr()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(bad.imageWithoutMpy()));
    }

    @Test
    void nonAsciiNameIsAnErrorInBothModes() throws Exception {
        GoldenRomfs.Case bad = GoldenRomfs.badCases().stream().filter(c -> c.name().equals("nonascii_name"))
                .findFirst().orElseThrow();
        Path dir = Shared.targetDir("cli-romfs/nonascii");
        Path tree = bad.copyTree(dir);
        String before = GoldenRomfs.hash(tree);
        Path out = dir.resolve("out.img");
        for (String mode : new String[] {"--no-mpy", "-v"}) {
            CliRun r = freezer("romfs", "build", mode, tree.toString(), "-o", out.toString());
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.stderr()).startsWith(tree + "/café.py: UnicodeEncodeError: ROMFS names must be ASCII, and"
                    + " this one has 'é' at byte 3");
            assertThat(Files.exists(out)).isFalse();
        }
        assertThat(GoldenRomfs.hash(tree)).isEqualTo(before);
    }

    @Test
    void compileOptionsPassThrough() throws Exception {
        Path dir = Shared.targetDir("cli-romfs/options");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("m.py"), "assert x\nprint(1)\n");
        CliRun plain = freezer("romfs", "build", tree.toString(), "-o", dir.resolve("a.img").toString());
        CliRun o3 = freezer("romfs", "build", "-O3", "-msmall-int-bits=63", tree.toString(), "-o",
                dir.resolve("b.img").toString());
        assertThat(plain.status()).isZero();
        assertThat(o3.status()).as(o3.stderr()).isZero();
        assertThat(Files.size(dir.resolve("b.img"))).isLessThan(Files.size(dir.resolve("a.img")));
        CliRun ls = freezer("romfs", "ls", dir.resolve("b.img").toString(), "--small-int-bits", "31");
        assertThat(ls.status()).isEqualTo(1);
        assertThat(ls.stdoutText()).contains("m.mpy  (.mpy v6, bytecode, small-int bits 63; on small-int bits 31:"
                + " does not load; ValueError");
        assertThat(freezer("romfs", "build", "-march=z80", tree.toString(), "-o", "x.img").status()).isEqualTo(2);
    }

    @Test
    void brokenImagesAreErrorsWithTheirOffset() throws Exception {
        Path dir = Shared.targetDir("cli-romfs/broken");
        byte[] image = Files.readAllBytes(images().get(0));
        Path cut = dir.resolve("cut.img");
        Files.write(cut, Arrays.copyOf(image, image.length - 3));
        CliRun ls = freezer("romfs", "ls", cut.toString());
        assertThat(ls.status()).isEqualTo(1);
        assertThat(ls.stderr()).startsWith(cut + ": offset 3: truncated: the image's length is ");
        CliRun extract = freezer("romfs", "extract", cut.toString(), "-o", dir.resolve("out").toString());
        assertThat(extract.status()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
        Path notRomfs = dir.resolve("x.bin");
        Files.write(notRomfs, new byte[] {1, 2, 3, 4, 5});
        assertThat(freezer("romfs", "ls", notRomfs.toString()).stderr()).contains("offset 0: not a ROMFS image");
    }

    @Test
    void lsWarnsOfBytesAfterAnMpysModule() throws Exception {
        Path dir = Shared.targetDir("cli-romfs/trailing");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        byte[] clean = Files.readAllBytes(CommandRun.golden("compile/ok/functions/positional_defaults.mpy"));
        byte[] padded = Arrays.copyOf(clean, clean.length + 3);
        Files.write(tree.resolve("m.mpy"), padded);
        Path img = dir.resolve("t.img");
        assertThat(freezer("romfs", "build", tree.toString(), "-o", img.toString()).status()).isZero();
        CliRun ls = freezer("romfs", "ls", img.toString());
        assertThat(ls.status()).isZero();
        assertThat(ls.stdoutText()).contains("m.mpy  (.mpy v6, bytecode, small-int bits 31, then 3 bytes that are"
                + " not part of it)");
        assertThat(ls.stderr()).matches(img + ": m.mpy: offset \\d+: warning: 3 bytes follow the end of the module;"
                + " MicroPython ignores them\n");
        int at = Integer.parseInt(ls.stderr().replaceAll("(?s).*offset (\\d+):.*", "$1"));
        byte[] image = Files.readAllBytes(img);
        assertThat(Arrays.copyOfRange(image, at - clean.length, at)).isEqualTo(clean);
        CliRun json = freezer("romfs", "ls", "--json", img.toString());
        assertThat(json.stdoutText()).contains("\"trailingBytes\" : 3");
    }

    @Test
    void extractRefusesNamesThatLeaveTheDirectoryAndBusyDirectories() throws Exception {
        Path dir = Shared.targetDir("cli-romfs/extract-bad");
        // a file named ".." holding "x"
        byte[] dots = {(byte) 0xd2, (byte) 0xcd, 0x31, 8, 5, 6, 2, '.', '.', 2, 1, 'x'};
        Path img = dir.resolve("dots.img");
        Files.write(img, dots);
        CliRun r = freezer("romfs", "extract", img.toString(), "-o", dir.resolve("out").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains("offset 4: the name '..' cannot be a file name");
        assertThat(Files.list(dir).count()).isEqualTo(1);
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("keep"), "mine");
        CliRun b = freezer("romfs", "extract", images().get(0).toString(), "-o", busy.toString());
        assertThat(b.status()).isEqualTo(1);
        assertThat(b.stderr()).contains("exists and is not empty");
        assertThat(Files.list(busy).count()).isEqualTo(1);
    }
}
