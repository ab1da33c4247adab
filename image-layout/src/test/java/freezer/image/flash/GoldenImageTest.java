package freezer.image.flash;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.GoldenImages;
import freezer.testkit.HexDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code ../shared/golden/image/cases.txt}: the image freezer writes is the one
 * uf2conv.py or objcopy wrote, byte for byte, and reads back to the input at the address.
 */
class GoldenImageTest {

    static List<GoldenImages.Case> cases() {
        return GoldenImages.cases();
    }

    static long family(GoldenImages.Case c) {
        Uf2Families.Family named = Uf2Families.byName(c.family());
        return named != null ? named.id() : PythonInt.parse(c.family());
    }

    static byte[] make(GoldenImages.Case c) {
        byte[] in = read(c.inputFile());
        long base = PythonInt.parse(c.base());
        return c.kind().equals("uf2") ? Uf2Writer.write(in, base, family(c)) : IntelHexWriter.write(in, base);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void imageIsUpstreams(GoldenImages.Case c) {
        byte[] expected = read(c.expected());
        byte[] actual = make(c);
        assertThat(HexDiff.firstDifference(expected, actual)).as(c.output() + ": %s", HexDiff.describe(expected, actual))
                .isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void imageReadsBackToItsInput(GoldenImages.Case c) throws Exception {
        byte[] in = read(c.inputFile());
        long base = PythonInt.parse(c.base());
        FlashContents contents = FlashImageReader.read(read(c.expected()));
        assertThat(contents.segments()).hasSize(1);
        FlashSegment s = contents.segments().get(0);
        assertThat(s.address()).isEqualTo(base);
        assertThat(Arrays.copyOf(s.data(), in.length)).isEqualTo(in);
        // UF2 fills the last block with zeros
        for (int i = in.length; i < s.data().length; i++) {
            assertThat(s.data()[i]).isZero();
        }
        if (contents instanceof FlashContents.IntelHex hex) {
            assertThat(s.data()).hasSize(in.length);
            assertThat(hex.start()).isEqualTo(base == 0 ? null : base);
        } else {
            FlashContents.Uf2 uf2 = (FlashContents.Uf2) contents;
            assertThat(uf2.blocks()).isEqualTo((in.length + 255) / 256);
            Long family = uf2.runs().get(0).familyId();
            assertThat(family == null ? 0L : family).isEqualTo(family(c));
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
