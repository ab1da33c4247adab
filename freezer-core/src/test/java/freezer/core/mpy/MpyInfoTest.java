package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.NativeArch;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MpyInfoTest {

    @Test
    void countsFunctionsQstrsAndConstants() throws MpyFormatException {
        byte[] b = Golden.read(Golden.root().resolve("native/x64/native_funcs.mpy"));
        MpyInfo info = MpyInfo.of(MpyReader.read(b), b.length);
        assertThat(info.arch()).isEqualTo(NativeArch.X64);
        assertThat(info.subVersion()).isEqualTo(3);
        assertThat(info.functionsByKind()).isEqualTo(Map.of(CodeKind.BYTECODE, 2, CodeKind.NATIVE_PY, 1));
        assertThat(info.qstrs()).isEqualTo(10);
        assertThat(info.constantsByType()).isEqualTo(Map.of("fun_table", 1));
        assertThat(info.machineCodeBytes()).isEqualTo(279);
        assertThat(info.lines()).contains("functions: 3 (bytecode 2, native 1)", "arch: x64", "version: 6.3");
    }

    @Test
    void bytecodeFilesStoreNoSubVersion() throws MpyFormatException {
        byte[] b = Modules.tinyBytes();
        MpyInfo info = MpyInfo.of(MpyReader.read(b), b.length);
        assertThat(info.subVersion()).isEqualTo(-1);
        assertThat(info.lines().get(0)).isEqualTo("version: 6 (bytecode only, loads on any 6.x)");
        assertThat(info.size()).isEqualTo(b.length);
        assertThat(info.bytecodeBytes()).isEqualTo(5);
    }
}
