package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** read -> write gives the same bytes for every golden .mpy. */
class MpyRoundTripTest {

    @TestFactory
    List<DynamicTest> everyGoldenMpyReEncodesToTheSameBytes() {
        return Golden.allMpy().stream().map(p -> DynamicTest.dynamicTest(Golden.name(p), () -> roundTrip(p))).toList();
    }

    /** The whole modules compiled as native code for every architecture (2,447 files). */
    @TestFactory
    List<DynamicTest> everyGoldenNativeModuleReEncodesToTheSameBytes() {
        return Golden.files("native-emit", ".mpy").stream().map(p -> DynamicTest.dynamicTest(Golden.name(p), () -> {
            byte[] original = Golden.read(p);
            try {
                MpyReader.read(original);
            } catch (MpyFormatException e) {
                // mpy-cross keeps a native function's prelude offset in 16 bits: past 64 KiB of
                // machine code the file points into the code and cannot be read (nor by mpy-tool.py)
                assertThat(original.length).as(Golden.name(p) + ": " + e.getMessage()).isGreaterThan(0xffff);
                return;
            }
            roundTrip(p);
        })).toList();
    }

    private static void roundTrip(Path p) throws MpyFormatException {
        byte[] original = Golden.read(p);
        CompiledModule m = MpyReader.read(original);
        byte[] again = MpyWriter.write(m);
        if (!Arrays.equals(original, again)) {
            throw new AssertionError(MismatchReport.describe(original, again));
        }
        assertThat(MpyReader.read(again)).isEqualTo(m);
    }
}
