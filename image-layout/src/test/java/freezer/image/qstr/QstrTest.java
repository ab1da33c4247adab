package freezer.image.qstr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.ByteStrings;
import freezer.testkit.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class QstrTest {

    @Test
    void escapesAsMakeqstrdata() {
        assertThat(QstrEscape.identifier(ByteStrings.fromText("<module>"))).isEqualTo("_lt_module_gt_");
        assertThat(QstrEscape.identifier(ByteStrings.fromText("a.b"))).isEqualTo("a_dot_b");
        assertThat(QstrEscape.identifier(ByteStrings.fromText("%s, %s!")))
                .isEqualTo("_percent_s_comma__space__percent_s_bang_");
        assertThat(QstrEscape.identifier(ByteStrings.fromText("café"))).isEqualTo("caf_eacute_");
        assertThat(QstrEscape.identifier(ByteStrings.fromText("\u0007\n"))).isEqualTo("_0x07__0x0a_");
        assertThat(QstrEscape.identifier(ByteStrings.fromText("\uD83D\uDE42"))).isEqualTo("_0x1f642_");
        assertThat(QstrEscape.identifier(ByteStrings.fromText(""))).isEmpty();
    }

    @Test
    void hashesAsQstrC() {
        assertThat(QstrHash.compute(ByteStrings.fromText("hello.py"), 2)).isEqualTo(6112);
        assertThat(QstrHash.compute(ByteStrings.fromText("GREETING"), 2)).isEqualTo(12036);
        assertThat(QstrHash.compute(ByteStrings.fromText("greet"), 1)).isEqualTo(39076 & 0xff);
        assertThat(QstrHash.compute("", 2)).isEqualTo(5381);
    }

    @Test
    void readsTheFirmwareHeader() throws Exception {
        byte[] unix = Files.readAllBytes(Shared.golden("firmware", "unix-standard", "qstrdefs.preprocessed.h"));
        FirmwareQstrs fw = FirmwareQstrs.parse(unix, "unix");
        assertThat(fw.config()).isEqualTo(new QstrConfig(1, 2));
        assertThat(StaticQstrs.identifiers()).hasSize(165);
        assertThat(fw.identifiers()).hasSize(711).contains("main", "self", "_lt_module_gt_", "print");
        assertThat(fw.has("__dir__")).isTrue();
        assertThat(fw.strings().get("_0x0a_")).isEqualTo("\n");
        assertThat(FirmwareQstrs.withoutHeader().identifiers()).hasSize(165);
    }

    @Test
    void refusesAHeaderWithoutSettings() {
        byte[] empty = "Q(foo)\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FirmwareQstrs.parse(empty, "h")).isInstanceOf(QstrHeaderException.class)
                .hasMessageContaining("no QCFG");
        byte[] noHash = "QCFG(BYTES_IN_LEN, (1))\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FirmwareQstrs.parse(noHash, "h")).hasMessageContaining("BYTES_IN_HASH");
    }

    @Test
    void thePoolSortsKeepsTheFirstOfAnIdentifierAndSaysWhoLost() throws Exception {
        FirmwareQstrs fw = FirmwareQstrs.parse("QCFG(BYTES_IN_LEN, (1))\nQCFG(BYTES_IN_HASH, (2))\nQ(print)\n"
                .getBytes(StandardCharsets.UTF_8), "h");
        FrozenQstrPool pool = FrozenQstrPool.build(List.of("zeta", "a.b", "print", "a_dot_b", "alpha", "zeta",
                "__init__"), fw);
        assertThat(pool.entries()).extracting(FrozenQstrPool.Entry::bytes).containsExactly("a.b", "alpha", "zeta");
        assertThat(pool.allocated()).isEqualTo(3);
        assertThat(pool.clashes()).singleElement().satisfies(c -> {
            assertThat(c.lost()).isEqualTo("a_dot_b");
            assertThat(c.winner()).isEqualTo("a.b");
            assertThat(c.inFirmware()).isFalse();
        });
    }
}
