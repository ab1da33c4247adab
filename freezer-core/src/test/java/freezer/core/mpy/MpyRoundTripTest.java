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
