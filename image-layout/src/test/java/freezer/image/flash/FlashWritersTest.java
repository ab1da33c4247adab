package freezer.image.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The writers past the golden cases: objcopy's address records at 1 MiB and 64 KiB edges, limits, padding. */
class FlashWritersTest {

    private static byte[] sequence(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void segmentToLinearAcrossOneMebibyteAsObjcopy() {
        // objcopy -I binary -O ihex --change-addresses 0xFFFC0 (bytes 0..99), binutils 2.40
        String expected = ":02000002F0000C\r\n"
                + ":10FFC000000102030405060708090A0B0C0D0E0FB9\r\n"
                + ":10FFD000101112131415161718191A1B1C1D1E1FA9\r\n"
                + ":10FFE000202122232425262728292A2B2C2D2E2F99\r\n"
                + ":10FFF000303132333435363738393A3B3C3D3E3F89\r\n"
                + ":020000020000FC\r\n"
                + ":020000040010EA\r\n"
                + ":10000000404142434445464748494A4B4C4D4E4F78\r\n"
                + ":10001000505152535455565758595A5B5C5D5E5F68\r\n"
                + ":040020006061626356\r\n"
                + ":04000003F000FFC04A\r\n"
                + ":00000001FF\r\n";
        assertThat(new String(IntelHexWriter.write(sequence(100), 0xFFFC0), StandardCharsets.US_ASCII))
                .isEqualTo(expected);
    }

    @Test
    void linearAddressesAcrossSixtyFourKibibytesAsObjcopy() {
        // objcopy -I binary -O ihex --change-addresses 0x1000FFF0 (bytes 0..39), binutils 2.40
        String expected = ":020000041000EA\r\n"
                + ":10FFF000000102030405060708090A0B0C0D0E0F89\r\n"
                + ":020000041001E9\r\n"
                + ":10000000101112131415161718191A1B1C1D1E1F78\r\n"
                + ":080010002021222324252627CC\r\n"
                + ":040000051000FFF0F8\r\n"
                + ":00000001FF\r\n";
        assertThat(new String(IntelHexWriter.write(sequence(40), 0x1000FFF0L), StandardCharsets.US_ASCII))
                .isEqualTo(expected);
    }

    @Test
    void limitsAsTheUpstreamToolsHaveThem() {
        assertThatThrownBy(() -> IntelHexWriter.write(new byte[0], 0)).hasMessageContaining("empty");
        assertThatThrownBy(() -> IntelHexWriter.write(new byte[100], 0xFFFFFFC0L)).hasMessageContaining("out of range");
        assertThat(IntelHexWriter.write(new byte[64], 0xFFFFFFC0L)).isNotEmpty();
        assertThatThrownBy(() -> Uf2Writer.write(new byte[300], 0xFFFFFF00L, 0)).hasMessageContaining("out of range");
        assertThat(Uf2Writer.write(new byte[256], 0xFFFFFF00L, 0)).hasSize(512);
        assertThatThrownBy(() -> Uf2Writer.write(new byte[1], 0, 0x1_0000_0000L)).hasMessageContaining("32 bits");
    }

    @Test
    void paddingWithErasedFlash() {
        assertThat(ErasedPadding.padTo(new byte[] {1, 2, 3}, 4)).containsExactly(1, 2, 3, 0xff);
        assertThat(ErasedPadding.padTo(new byte[] {1, 2, 3, 4}, 4)).containsExactly(1, 2, 3, 4);
        assertThat(ErasedPadding.padTo(new byte[] {1}, 1)).containsExactly(1);
        assertThatThrownBy(() -> ErasedPadding.padTo(new byte[1], 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAsPythonIntWithBaseZero() {
        assertThat(PythonInt.parse("0x10180000")).isEqualTo(0x10180000L);
        assertThat(PythonInt.parse(" 0X1f ")).isEqualTo(31L);
        assertThat(PythonInt.parse("0o17")).isEqualTo(15L);
        assertThat(PythonInt.parse("0b101")).isEqualTo(5L);
        assertThat(PythonInt.parse("1_000")).isEqualTo(1000L);
        assertThat(PythonInt.parse("0x_ff")).isEqualTo(255L);
        assertThat(PythonInt.parse("000")).isEqualTo(0L);
        assertThat(PythonInt.parse("-5")).isEqualTo(-5L);
        assertThat(PythonInt.parse("010")).isNull();
        assertThat(PythonInt.parse("1__0")).isNull();
        assertThat(PythonInt.parse("0x")).isNull();
        assertThat(PythonInt.parse("12k")).isNull();
        assertThat(PythonInt.parse("")).isNull();
        assertThat(PythonInt.parse("0x1_0000_0000_0000_0000")).isNull();
    }

    @Test
    void familiesByNameInAnyCase() {
        assertThat(Uf2Families.byName("rp2040").id()).isEqualTo(0xe48bff56L);
        assertThat(Uf2Families.byName("ESP32S3").id()).isEqualTo(0xc47e5767L);
        assertThat(Uf2Families.byName("nonesuch")).isNull();
        assertThat(Uf2Families.byId(0x57755a57L).name()).isEqualTo("STM32F4");
        assertThat(Uf2Families.all()).hasSize(38);
    }
}
