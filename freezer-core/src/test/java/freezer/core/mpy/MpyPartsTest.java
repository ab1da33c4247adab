package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of every golden .mpy add up to the file, and name its functions' kinds in file order. */
class MpyPartsTest {

    @Test
    void partsAddUpToEveryGoldenFile() throws Exception {
        int files = 0;
        int native_ = 0;
        for (Path p : Golden.allMpy()) {
            byte[] bytes = Golden.read(p);
            CompiledModule m = MpyReader.read(bytes);
            MpyParts parts = MpyParts.of(m);
            assertThat(parts.size()).as(Golden.name(p)).isEqualTo(bytes.length);
            assertThat(parts.header()).isGreaterThanOrEqualTo(6);
            List<RawCodeTrees.Node> nodes = RawCodeTrees.preorder(m.root());
            assertThat(parts.functions()).hasSize(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                assertThat(parts.functions().get(i).kind()).isEqualTo(nodes.get(i).code().kind());
                assertThat(parts.functions().get(i).size()).isPositive();
            }
            if (parts.functions().stream().anyMatch(f -> f.kind() != CodeKind.BYTECODE)) {
                native_++;
            }
            files++;
        }
        assertThat(files).isGreaterThan(500);
        assertThat(native_).isGreaterThan(0);
    }
}
