package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged files: every truncation point and a seeded set of byte flips of a sample of golden
 * files give either a clear error (an offset inside the file) or a module that writes back to
 * exactly the damaged bytes, disassembles and describes itself; never another exception.
 */
class CorruptionTest {
    private static final long SEED = 0x6d7079L;
    private static final int FLIPS_PER_FILE = 400;
    private static final int NATIVE_MODULE_SAMPLE_MAX = 8192;

    private static List<Path> sample() {
        List<Path> all = Golden.allMpy();
        List<Path> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 9) {
            sample.add(all.get(i));
        }
        // every native file: their machine code, preludes and relocations are the odd ones out
        sample.addAll(Golden.files("native", ".mpy"));
        // and some whole modules of native code for every architecture (small ones: a truncation
        // test reads every prefix)
        List<Path> modules = Golden.files("native-emit", ".mpy");
        for (int i = 0; i < modules.size(); i += 61) {
            if (Golden.read(modules.get(i)).length <= NATIVE_MODULE_SAMPLE_MAX) {
                sample.add(modules.get(i));
            }
        }
        return sample;
    }

    @Test
    void everyTruncationIsAnErrorAtOrBeforeTheEnd() {
        int cases = 0;
        for (Path p : sample()) {
            byte[] whole = Golden.read(p);
            for (int n = 0; n < whole.length; n++) {
                byte[] cut = Arrays.copyOf(whole, n);
                try {
                    MpyReader.read(cut);
                    throw new AssertionError(Golden.name(p) + " cut to " + n + " bytes reads");
                } catch (MpyFormatException e) {
                    assertThat(e.offset()).as("%s cut to %d", Golden.name(p), n).isBetween(0L, (long) n);
                    assertThat(e.problem()).isNotBlank();
                }
                cases++;
            }
        }
        System.out.println("truncations: " + cases + " cases, all errors");
        assertThat(cases).isGreaterThan(1000);
    }

    @Test
    void byteFlipsGiveAnErrorOrAFileThatWritesBackExactly() {
        Random random = new Random(SEED);
        int errors = 0;
        int valid = 0;
        for (Path p : sample()) {
            byte[] whole = Golden.read(p);
            for (int k = 0; k < FLIPS_PER_FILE; k++) {
                byte[] bad = whole.clone();
                int flips = 1 + random.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(bad.length);
                    bad[at] ^= (byte) (1 + random.nextInt(255));
                }
                if (check(Golden.name(p), bad)) {
                    valid++;
                } else {
                    errors++;
                }
            }
        }
        System.out.println("byte flips: " + (errors + valid) + " cases, " + errors + " errors, " + valid + " valid files");
        assertThat(errors).isGreaterThan(0);
        assertThat(valid).isGreaterThan(0);
    }

    @Test
    void randomBytesAfterAGoodHeader() {
        Random random = new Random(SEED + 1);
        int errors = 0;
        int valid = 0;
        for (int k = 0; k < 20_000; k++) {
            byte[] bad = new byte[4 + random.nextInt(60)];
            random.nextBytes(bad);
            bad[0] = 'M';
            bad[1] = 6;
            bad[2] = random.nextInt(4) == 0 ? bad[2] : 0;
            bad[3] = 31;
            if (check("random " + k, bad)) {
                valid++;
            } else {
                errors++;
            }
        }
        System.out.println("random bodies: 20000 cases, " + errors + " errors, " + valid + " valid files");
        assertThat(errors).isGreaterThan(0);
    }

    /** Returns whether the bytes read; fails on anything but a clear error or an exact round trip. */
    static boolean check(String what, byte[] bytes) {
        CompiledModule m;
        byte[] module;
        try {
            MpyReader.MpyFile file = MpyReader.readFile(bytes);
            m = file.module();
            // bytes after the module are not part of it (MicroPython and mpy-tool.py ignore them)
            module = Arrays.copyOf(bytes, (int) file.moduleLength());
        } catch (MpyFormatException e) {
            assertThat(e.offset()).as(what).isBetween(0L, (long) bytes.length);
            return false;
        }
        byte[] again = MpyWriter.write(m);
        if (!Arrays.equals(module, again)) {
            throw new AssertionError(what + ": read but writes back differently\n" + MismatchReport.describe(bytes, again));
        }
        assertThat(Disassembler.disassemble("x.mpy", m)).isNotEmpty();
        assertThat(DisassemblyJson.write(List.of(new DisassemblyJson.Input("x.mpy", m)))).isNotEmpty();
        assertThat(MpyInfo.of(m, bytes.length).lines()).isNotEmpty();
        return true;
    }
}
