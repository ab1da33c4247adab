package freezer.image.flash;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.HexDiff;
import freezer.testkit.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code ../shared/golden/image/cases.txt}: the image freezer writes is the one
 * uf2conv.py or objcopy wrote, byte for byte, and reads back to the input at the address.
 */
class GoldenImageTest {

    /** One line of cases.txt. */
    record Case(String output, String input, String kind, List<String> args) {
        Path expected() {
            return root().resolve("expected").resolve(output);
        }

        byte[] inputBytes() {
            return read(root().resolve(input));
        }

        long base() {
            return PythonInt.parse(args.get(args.size() - 1));
        }

        @Override
        public String toString() {
            return output;
        }
    }

    static Path root() {
        return Shared.golden("image");
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String line : new String(read(root().resolve("cases.txt")), StandardCharsets.UTF_8).split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            out.add(new Case(f[0], f[1], f[2], List.of(f).subList(3, f.length)));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    static byte[] make(Case c) {
        byte[] in = c.inputBytes();
        switch (c.kind()) {
            case "uf2":
                Uf2Families.Family named = Uf2Families.byName(c.args().get(0));
                long family = named != null ? named.id() : PythonInt.parse(c.args().get(0));
                return Uf2Writer.write(in, c.base(), family);
            case "ihex":
                return IntelHexWriter.write(in, c.base());
            default:
                throw new AssertionError("unknown kind in cases.txt: " + c.kind());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void imageIsUpstreams(Case c) {
        byte[] expected = read(c.expected());
        byte[] actual = make(c);
        assertThat(HexDiff.firstDifference(expected, actual)).as(c.output() + ": %s", HexDiff.describe(expected, actual))
                .isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void imageReadsBackToItsInput(Case c) throws Exception {
        byte[] in = c.inputBytes();
        FlashContents contents = FlashImageReader.read(read(c.expected()));
        assertThat(contents.segments()).hasSize(1);
        FlashSegment s = contents.segments().get(0);
        assertThat(s.address()).isEqualTo(c.base());
        assertThat(Arrays.copyOf(s.data(), in.length)).isEqualTo(in);
        // UF2 fills the last block with zeros
        for (int i = in.length; i < s.data().length; i++) {
            assertThat(s.data()[i]).isZero();
        }
        if (contents instanceof FlashContents.IntelHex hex) {
            assertThat(s.data()).hasSize(in.length);
            assertThat(hex.start()).isEqualTo(c.base() == 0 ? null : c.base());
        } else {
            FlashContents.Uf2 uf2 = (FlashContents.Uf2) contents;
            assertThat(uf2.blocks()).isEqualTo((in.length + 255) / 256);
            Long family = uf2.runs().get(0).familyId();
            assertThat(family == null ? 0L : family).isEqualTo(c.args().get(0).startsWith("0x")
                    ? PythonInt.parse(c.args().get(0)) : Uf2Families.byName(c.args().get(0)).id());
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
