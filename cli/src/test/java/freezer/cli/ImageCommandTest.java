package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.image.flash.FlashContents;
import freezer.image.flash.FlashImageReader;
import freezer.image.flash.FlashSegment;
import freezer.image.romfs.RomfsContents;
import freezer.image.romfs.RomfsReader;
import freezer.testkit.GoldenImages;
import freezer.testkit.GoldenRomfs;
import freezer.testkit.HexDiff;
import freezer.testkit.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code freezer image}: every golden case byte for byte through the command line, the same
 * with {@code romfs build --format} in one step, {@code --info} over every golden file.
 */
class ImageCommandTest {

    static List<GoldenImages.Case> cases() {
        return GoldenImages.cases();
    }

    private static CliRun freezer(String... args) {
        return CliRun.run(ModuleCompiler.MPY_CROSS, args);
    }

    private static List<String> args(GoldenImages.Case c, Path out) {
        List<String> a = new ArrayList<>(List.of("image", c.inputFile().toString(), "-o", out.toString(),
                "--address", c.base()));
        if (c.kind().equals("uf2")) {
            a.addAll(List.of("--format", "uf2", "--family", c.family()));
        } else {
            a.addAll(List.of("--format", "hex"));
        }
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void imageIsUpstreams(GoldenImages.Case c) throws Exception {
        Path out = Shared.targetDir("cli-image/" + c.output()).resolve("out");
        CliRun r = freezer(args(c, out).toArray(String[]::new));
        assertThat(r.status()).as(r.stderr()).isZero();
        byte[] expected = Files.readAllBytes(c.expected());
        byte[] actual = Files.readAllBytes(out);
        assertThat(HexDiff.firstDifference(expected, actual)).as(HexDiff.describe(expected, actual)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void romfsBuildWritesTheFlashImageInOneStep(GoldenImages.Case c) throws Exception {
        // the images built without compiling, as their modules' embedded names need no DIR
        GoldenRomfs.Case tree = GoldenRomfs.cases().stream().filter(t -> c.input().contains("/" + t.name() + "/"))
                .findFirst().orElse(null);
        if (tree == null) {
            return;
        }
        Path dir = Shared.targetDir("cli-image/one-step-" + c.output());
        Path copy = tree.copyTree(dir);
        Path out = dir.resolve("out." + (c.kind().equals("uf2") ? "uf2" : "hex"));
        List<String> a = new ArrayList<>(List.of("romfs", "build", "--no-mpy", copy.toString(), "-o", out.toString(),
                "--address", c.base()));
        if (c.family() != null) {
            a.addAll(List.of("--family", c.family()));
        }
        CliRun r = freezer(a.toArray(String[]::new));
        assertThat(r.status()).as(r.stderr()).isZero();
        Path viaImage = dir.resolve("two-steps");
        List<String> two = args(c, viaImage);
        two.set(1, tree.imageWithoutMpy().toString());
        assertThat(freezer(two.toArray(String[]::new)).status()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(viaImage));
    }

    static List<Path> everyGoldenFile() throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(GoldenImages.root().resolve("expected"))) {
            out.addAll(s.sorted().toList());
        }
        out.addAll(RomfsCommandTest.images());
        out.add(GoldenImages.root().resolve("inputs/blob.bin"));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyGoldenFile")
    void infoReadsEveryGoldenFile(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        FlashContents flash = FlashImageReader.read(bytes);
        CliRun r = freezer("image", "--info", file.toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        String text = r.stdoutText();
        FlashSegment first = RomfsInput.lowest(flash);
        switch (flash.format()) {
            case UF2:
                assertThat(text).startsWith(file + ": UF2, " + bytes.length / 512 + " blocks of 512 bytes\n");
                assertThat(text).contains(String.format("  0x%08x-0x%08x: %d bytes", first.address(), first.end() - 1,
                        first.data().length));
                break;
            case HEX:
                assertThat(text).startsWith(file + ": Intel HEX, ");
                assertThat(text).contains(String.format("  0x%08x-0x%08x: %d bytes", first.address(), first.end() - 1,
                        first.data().length));
                break;
            default:
                assertThat(text).startsWith(file + ": raw binary, " + bytes.length + " bytes");
                break;
        }
        if (RomfsReader.looksLikeRomfs(first.data())) {
            RomfsContents c = RomfsReader.read(first.data());
            assertThat(text).contains(": " + c.size() + " bytes, " + c.files() + " files, " + c.directories()
                    + " directories");
        } else {
            assertThat(text).endsWith("  no ROMFS image\n");
        }
    }

    @Test
    void brokenFilesAreErrorsWithOffsets() throws Exception {
        Path dir = Shared.targetDir("cli-image/broken");
        byte[] uf2 = Files.readAllBytes(GoldenImages.root().resolve("expected/app.rp2040.uf2"));
        Path cut = dir.resolve("cut.uf2");
        Files.write(cut, Arrays.copyOf(uf2, 1000));
        CliRun r = freezer("image", "--info", cut.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo(cut + ": offset 512: truncated: the last block has 488 of its 512 bytes\n");
        byte[] hex = Files.readAllBytes(GoldenImages.root().resolve("expected/app.hex"));
        hex[40] = (byte) (hex[40] == 'A' ? 'B' : 'A');
        Path bad = dir.resolve("bad.hex");
        Files.write(bad, hex);
        assertThat(freezer("image", "--info", bad.toString()).stderr()).startsWith(bad + ": offset ")
                .contains(": line 2: checksum");
        // a UF2 whose ROMFS inside is cut short
        Path romfs = dir.resolve("short.uf2");
        byte[] img = Files.readAllBytes(GoldenRomfs.root().resolve("app/expected/app.img"));
        CliRun empty = freezer("image", "-", "-o", romfs.toString(), "--address", "0x10000000");
        assertThat(empty.status()).isEqualTo(1);
        assertThat(empty.stderr()).isEqualTo("-: the input is empty; nothing written\n");
        Path half = dir.resolve("half.img");
        Files.write(half, Arrays.copyOf(img, 600));
        assertThat(freezer("image", half.toString(), "-o", romfs.toString(), "--address", "0x10000000").status())
                .isZero();
        CliRun info = freezer("image", "--info", romfs.toString());
        assertThat(info.status()).isEqualTo(1);
        assertThat(info.stdoutText()).contains("ROMFS image at 0x10000000: broken at offset 3 of the image: truncated");
    }

    @Test
    void padToFormatFromExtensionAndUsage() throws Exception {
        Path dir = Shared.targetDir("cli-image/options");
        Path in = GoldenImages.root().resolve("inputs/blob.bin");
        Path bin = dir.resolve("blob.bin");
        assertThat(freezer("image", in.toString(), "-o", bin.toString(), "--pad-to", "4K").status()).isZero();
        byte[] padded = Files.readAllBytes(bin);
        assertThat(padded).hasSize(4096);
        assertThat(Arrays.copyOf(padded, 2999)).isEqualTo(Files.readAllBytes(in));
        assertThat(padded[4095]).isEqualTo((byte) 0xff);
        CliRun uf2 = freezer("image", in.toString(), "-o", dir.resolve("b.uf2").toString(), "--address", "0x2000");
        assertThat(uf2.status()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("b.uf2"))).isEqualTo(Files.readAllBytes(
                GoldenImages.root().resolve("expected/blob.nofamily.uf2")));
        assertThat(freezer("image", in.toString(), "-o", dir.resolve("c.hex").toString()).status()).isEqualTo(2);
        assertThat(freezer("image", in.toString(), "-o", dir.resolve("c.bin").toString(), "--family", "RP2040")
                .status()).isEqualTo(2);
        assertThat(freezer("image", in.toString(), "-o", dir.resolve("c.uf2").toString(), "--address", "0x2000",
                "--family", "Z80").stderr()).contains("neither a 32-bit number nor one of: ATMEGA32, ");
        assertThat(freezer("image", in.toString(), "-o", dir.resolve("c.hex").toString(), "--address", "0xFFFFFF00")
                .stderr()).contains("out of range for Intel HEX");
        assertThat(Files.exists(dir.resolve("c.hex"))).isFalse();
        CliRun again = freezer("image", dir.resolve("b.uf2").toString(), "-o", dir.resolve("d.bin").toString());
        assertThat(again.status()).isZero();
        assertThat(again.stderr()).contains("warning: this looks like a UF2 file");
    }
}
