package freezer.image.romfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged images: every truncation point and a seeded set of byte flips of the golden images
 * give a clear error at an offset inside the image, or an image whose accounting still adds up
 * to its size; never another exception.
 */
class RomfsCorruptionTest {
    private static final long SEED = 0x726f6d66L;
    private static final int FLIPS_PER_IMAGE = 400;
    /** Images up to this size are cut at every point; larger ones at a seeded sample of points. */
    private static final int CUT_EVERYWHERE_UP_TO = 8192;
    private static final int CUTS_OF_LARGE_IMAGES = 300;

    private static List<Path> sample() {
        return RomfsReaderTest.goldenImages();
    }

    @Test
    void everyTruncationIsAnErrorAtOrBeforeTheEnd() throws Exception {
        Random random = new Random(SEED);
        int cases = 0;
        for (Path p : sample()) {
            byte[] whole = Files.readAllBytes(p);
            List<Integer> cuts = new ArrayList<>();
            if (whole.length <= CUT_EVERYWHERE_UP_TO) {
                for (int n = 0; n < whole.length; n++) {
                    cuts.add(n);
                }
            } else {
                for (int k = 0; k < CUTS_OF_LARGE_IMAGES; k++) {
                    cuts.add(random.nextInt(whole.length));
                }
            }
            for (int n : cuts) {
                byte[] cut = Arrays.copyOf(whole, n);
                try {
                    RomfsReader.read(cut);
                    throw new AssertionError(p.getFileName() + " cut to " + n + " bytes reads");
                } catch (RomfsFormatException e) {
                    assertThat(e.offset()).as("%s cut to %d", p.getFileName(), n).isBetween(0L, (long) n);
                    assertThat(e.problem()).isNotBlank();
                }
                cases++;
            }
        }
        System.out.println("ROMFS truncations: " + cases + " cases, all errors");
        assertThat(cases).isGreaterThan(5000);
    }

    @Test
    void byteFlipsGiveAnErrorOrAnImageThatAddsUp() throws Exception {
        Random random = new Random(SEED + 1);
        int errors = 0;
        int valid = 0;
        for (Path p : sample()) {
            byte[] whole = Files.readAllBytes(p);
            for (int k = 0; k < FLIPS_PER_IMAGE; k++) {
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
        System.out.println("ROMFS byte flips: " + (errors + valid) + " cases, " + errors + " errors, " + valid
                + " valid images");
        assertThat(errors).isGreaterThan(0);
        assertThat(valid).isGreaterThan(0);
    }

    @Test
    void randomBodiesAfterAGoodHeader() {
        Random random = new Random(SEED + 2);
        int errors = 0;
        int valid = 0;
        for (int k = 0; k < 20_000; k++) {
            byte[] body = new byte[random.nextInt(60)];
            random.nextBytes(body);
            byte[] image = new byte[4 + body.length];
            image[0] = (byte) 0xd2;
            image[1] = (byte) 0xcd;
            image[2] = 0x31;
            image[3] = (byte) body.length;
            System.arraycopy(body, 0, image, 4, body.length);
            if (check("random " + k, image)) {
                valid++;
            } else {
                errors++;
            }
        }
        System.out.println("ROMFS random bodies: 20000 cases, " + errors + " errors, " + valid + " valid images");
        assertThat(errors).isGreaterThan(0);
        assertThat(valid).isGreaterThan(0);
    }

    /** Whether the bytes read; fails on anything but a clear error or an image whose parts add up. */
    private static boolean check(String what, byte[] image) {
        RomfsContents c;
        try {
            c = RomfsReader.read(image);
        } catch (RomfsFormatException e) {
            assertThat(e.offset()).as(what).isBetween(0L, (long) image.length);
            assertThat(e.problem()).as(what).isNotBlank();
            return false;
        }
        assertThat(RomfsReaderTest.accountedBytes(c) + c.trailingSize()).as(what).isEqualTo(image.length);
        for (RomfsEntry e : c.entries()) {
            assertThat(e.dataOffset() + e.dataSize()).as(what + " " + e.path()).isLessThanOrEqualTo(c.size());
        }
        return true;
    }
}
