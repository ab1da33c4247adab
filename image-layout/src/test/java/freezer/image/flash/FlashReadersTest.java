package freezer.image.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.testkit.GoldenImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reading Intel HEX and UF2: broken files give errors at their offset; every truncation and a
 * seeded set of byte flips of the golden files give an error or a file that reads, never
 * another exception.
 */
class FlashReadersTest {
    private static final long SEED = 0x666c6173L;
    private static final int FLIPS_PER_FILE = 300;
    /** Files up to this size are cut at every point; larger ones at about this many seeded points. */
    private static final int CUT_EVERYWHERE_UP_TO = 6144;
    private static final int CUTS_OF_LARGE_FILES = 500;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static FlashFormatException error(byte[] file) {
        try {
            FlashImageReader.read(file);
        } catch (FlashFormatException e) {
            return e;
        }
        throw new AssertionError("reads: " + new String(file, StandardCharsets.ISO_8859_1));
    }

    @Test
    void intelHexErrorsNameLineAndOffset() {
        FlashFormatException sum = error(ascii(":0100000000FE\r\n:00000001FF\r\n"));
        assertThat(sum.offset()).isEqualTo(11);
        assertThat(sum.problem()).contains("line 1").contains("checksum FE").contains("need FF");
        assertThat(error(ascii(":0100000000FF\n")).problem()).contains("no end-of-file record");
        assertThat(error(ascii(":0100000000FF\n:00000001FF\n:00000001FF\n")).problem()).contains("line 3")
                .contains("after the end-of-file");
        assertThat(error(ascii(":0200000000FF\n")).problem()).contains("says 2 data bytes but has 1");
        FlashFormatException digit = error(ascii(":01000000G0FF\n"));
        assertThat(digit.offset()).isEqualTo(9);
        assertThat(error(ascii(":00000006FA\n")).problem()).contains("unknown record type 06");
        assertThat(error(ascii(":0100000011EE\n:0100000022DD\n:00000001FF\n")).problem()).contains("line 2")
                .contains("overlaps data from line 1");
    }

    @Test
    void intelHexAddressRecordsAndRuns() throws Exception {
        FlashContents.IntelHex hex = IntelHexReader.read(ascii(
                ":020000021000EC\n:0100000011EE\n:020000040800F2\n:0100000022DD\n:0100010033CB\n"
                + ":0400000508000000EF\n:00000001FF\n"));
        assertThat(hex.segments()).extracting(FlashSegment::address).containsExactly(0x10000L, 0x08000000L);
        assertThat(hex.segments().get(1).data()).containsExactly(0x22, 0x33);
        assertThat(hex.start()).isEqualTo(0x08000000L);
        assertThat(hex.startRecord()).isEqualTo(IntelHexRecord.START_LINEAR_ADDRESS);
        assertThat(hex.records()).isEqualTo(7);
    }

    @Test
    void uf2ErrorsNameBlockAndOffset() {
        byte[] uf2 = Uf2Writer.write(new byte[600], 0x1000, 0xe48bff56L);
        assertThat(error(Arrays.copyOf(uf2, 1000)).offset()).isEqualTo(512);
        byte[] badEnd = uf2.clone();
        badEnd[512 + 508] ^= 1;
        FlashFormatException end = error(badEnd);
        assertThat(end.offset()).isEqualTo(1020);
        assertThat(end.problem()).contains("block 1").contains("end magic");
        byte[] badSize = uf2.clone();
        badSize[16] = (byte) 0xde;
        badSize[17] = 1;
        assertThat(error(badSize).problem()).contains("payload of 478 bytes");
        byte[] badNumber = uf2.clone();
        badNumber[1024 + 20] = 9;
        assertThat(error(badNumber).problem()).contains("numbered 9 of a count of 3");
    }

    @Test
    void uf2BlocksNotForMainFlashAreSkippedAndFamiliesSplitRuns() throws Exception {
        byte[] a = Uf2Writer.write(new byte[512], 0x1000, 0xe48bff56L);
        byte[] b = Uf2Writer.write(new byte[256], 0x1200, 0x57755a57L);
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        both[512 + 8] |= 1;
        FlashContents.Uf2 uf2 = Uf2Reader.read(both);
        assertThat(uf2.blocks()).isEqualTo(3);
        assertThat(uf2.skipped()).isEqualTo(1);
        assertThat(uf2.runs()).extracting(FlashContents.Uf2Run::familyId).containsExactly(0xe48bff56L, 0x57755a57L);
    }

    private static List<Path> sample() {
        List<Path> out = new ArrayList<>();
        for (GoldenImages.Case c : GoldenImages.cases()) {
            if (!c.output().startsWith("assets")) {
                out.add(c.expected());
            }
        }
        return out;
    }

    @Test
    void everyTruncationIsAnErrorOrAShorterFile() {
        Random random = new Random(SEED + 1);
        int errors = 0;
        int valid = 0;
        for (Path p : sample()) {
            byte[] whole = GoldenImageTest.read(p);
            List<Integer> cuts = new ArrayList<>();
            for (int n = 0; n < whole.length; n++) {
                if (whole.length <= CUT_EVERYWHERE_UP_TO || random.nextInt(whole.length) < CUTS_OF_LARGE_FILES) {
                    cuts.add(n);
                }
            }
            for (int n : cuts) {
                if (check(p.getFileName() + " cut to " + n, Arrays.copyOf(whole, n))) {
                    valid++;
                } else {
                    errors++;
                }
            }
        }
        System.out.println("flash image truncations: " + (errors + valid) + " cases, " + errors + " errors, " + valid
                + " read (cut at a block or line end, or too short to recognise)");
        assertThat(errors).isGreaterThan(valid);
    }

    @Test
    void byteFlipsGiveAnErrorOrAFileThatReads() {
        Random random = new Random(SEED);
        int errors = 0;
        int valid = 0;
        for (Path p : sample()) {
            byte[] whole = GoldenImageTest.read(p);
            for (int k = 0; k < FLIPS_PER_FILE; k++) {
                byte[] bad = whole.clone();
                int flips = 1 + random.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(bad.length);
                    bad[at] ^= (byte) (1 + random.nextInt(255));
                }
                if (check(p.getFileName() + " flip " + k, bad)) {
                    valid++;
                } else {
                    errors++;
                }
            }
        }
        System.out.println("flash image byte flips: " + (errors + valid) + " cases, " + errors + " errors, " + valid
                + " read");
        assertThat(errors).isGreaterThan(0);
        assertThat(valid).isGreaterThan(0);
    }

    private static boolean check(String what, byte[] file) {
        FlashContents c;
        try {
            c = FlashImageReader.read(file);
        } catch (FlashFormatException e) {
            assertThat(e.offset()).as(what).isBetween(0L, (long) file.length);
            assertThat(e.problem()).as(what).isNotBlank();
            return false;
        }
        long total = 0;
        for (FlashSegment s : c.segments()) {
            total += s.data().length;
        }
        assertThat(total).as(what).isLessThanOrEqualTo(file.length);
        return true;
    }

    @Test
    void contentDecidesTheFormat() throws Exception {
        assertThat(FlashImageReader.read(new byte[] {1, 2, 3})).isInstanceOf(FlashContents.Binary.class);
        assertThat(FlashImageReader.read(ascii(":xyz0000000"))).isInstanceOf(FlashContents.Binary.class);
        assertThatThrownBy(() -> FlashImageReader.read(ascii(":00000001F"))).isInstanceOf(FlashFormatException.class);
    }
}
