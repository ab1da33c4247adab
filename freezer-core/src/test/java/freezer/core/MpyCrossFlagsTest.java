package freezer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** mpy-cross's options as main.c reads them; the expected values were checked against mpy-cross v1.28.0. */
class MpyCrossFlagsTest {

    private static MpyCrossFlags parse(String... args) throws MpyCrossFlags.UsageException {
        return MpyCrossFlags.parse(List.of(args));
    }

    @Test
    void defaultsAreMpyCrossDefaults() throws Exception {
        MpyCrossFlags f = parse("a.py");
        assertThat(f.options()).isEqualTo(CompileOptions.DEFAULT);
        assertThat(f.inputs()).containsExactly("a.py");
        assertThat(f.outputFile()).isNull();
        assertThat(f.showVersion()).isFalse();
        assertThat(f.heapSize()).isEqualTo(2 * 1024 * 1024);
    }

    @ParameterizedTest(name = "{0} -> level {1}")
    @CsvSource({"-O,1", "-OO,2", "-OOO,3", "-O0,0", "-O3,3", "-O9,9", "-Ox,1", "-OOx,2", "-O12,1"})
    void optimisationLevel(String flag, int level) throws Exception {
        assertThat(parse(flag, "a.py").options().optimisationLevel()).isEqualTo(level);
    }

    @ParameterizedTest(name = "-msmall-int-bits=''{0}'' -> {1}")
    @CsvSource(value = {"16|16", "0x10|16", "010|8", "-1|255", "264|8", "256|0", "' 8'|8", "+8|8", "''|0", "63|63"},
            delimiter = '|')
    void smallIntBitsAsStrtolIntoAByte(String value, int bits) throws Exception {
        assertThat(parse("-msmall-int-bits=" + value, "a.py").options().smallIntBits()).isEqualTo(bits);
    }

    @ParameterizedTest
    @CsvSource({"1x", "x", "'8 '", "0x"})
    void smallIntBitsWithTrailingTextIsUsage(String value) {
        assertThatThrownBy(() -> parse("-msmall-int-bits=" + value, "a.py"))
                .isInstanceOf(MpyCrossFlags.UsageException.class);
    }

    @Test
    void lastRepeatedOptionWins() throws Exception {
        MpyCrossFlags f = parse("-O3", "-O1", "-s", "a.py", "-s", "b.py", "-o", "x.mpy", "-o", "y.mpy",
                "-msmall-int-bits=8", "-msmall-int-bits=16", "-march=x86", "-march=armv6m", "in.py");
        assertThat(f.options().optimisationLevel()).isEqualTo(1);
        assertThat(f.options().sourceName()).isEqualTo("b.py");
        assertThat(f.outputFile()).isEqualTo("y.mpy");
        assertThat(f.options().smallIntBits()).isEqualTo(16);
        assertThat(f.options().arch()).isEqualTo(NativeArch.ARMV6M);
    }

    @Test
    void backslashesBecomeSlashesInSourceNameAndInput() throws Exception {
        MpyCrossFlags f = parse("-s", "lib\\x.py", "dir\\a.py");
        assertThat(f.options().sourceName()).isEqualTo("lib/x.py");
        assertThat(f.inputs()).containsExactly("dir/a.py");
    }

    @Test
    void dashIsAnInputAndDoubleDashEndsOptions() throws Exception {
        assertThat(parse("-").inputs()).containsExactly("-");
        assertThat(parse("--", "-x.py", "-O3").inputs()).containsExactly("-x.py", "-O3");
        assertThat(parse("a.py", "b.py").inputs()).containsExactly("a.py", "b.py");
        assertThat(parse("-v", "-v", "a.py").verbosity()).isEqualTo(2);
    }

    @Test
    void versionStopsReadingButNotBeforeEarlierErrors() throws Exception {
        assertThat(parse("--version", "-Z").showVersion()).isTrue();
        assertThatThrownBy(() -> parse("-Z", "--version")).isInstanceOf(MpyCrossFlags.UsageException.class);
        // -X is checked in a first pass over everything, as main.c's pre_process_options does
        assertThatThrownBy(() -> parse("--version", "-X", "bad")).isInstanceOf(MpyCrossFlags.UsageException.class);
        assertThatThrownBy(() -> parse("--", "-X")).isInstanceOf(MpyCrossFlags.UsageException.class);
    }

    @Test
    void arches() throws Exception {
        assertThat(MpyCrossFlags.hostArch("amd64")).isEqualTo(NativeArch.X64);
        assertThat(MpyCrossFlags.hostArch("x86_64")).isEqualTo(NativeArch.X64);
        assertThat(MpyCrossFlags.hostArch("i386")).isEqualTo(NativeArch.X86);
        assertThatThrownBy(() -> MpyCrossFlags.hostArch("aarch64"))
                .isInstanceOf(MpyCrossFlags.HostArchitectureUnknown.class)
                .hasMessageStartingWith("unable to determine host architecture for -march=host");
        assertThat(parse("-march=debug", "a.py").options().arch()).isEqualTo(NativeArch.DEBUG);
        assertThat(parse("-march=xtensawin", "a.py").options().arch()).isEqualTo(NativeArch.XTENSAWIN);
        assertThatThrownBy(() -> parse("-march=foo", "a.py")).hasMessageContaining("unknown architecture 'foo'");
        assertThatThrownBy(() -> parse("-march=", "a.py")).isInstanceOf(MpyCrossFlags.UsageException.class);
    }

    @ParameterizedTest(name = "rv32imc -march-flags=''{0}'' -> {1}")
    @CsvSource(value = {"0|0", "1|1", "3|3", "0x1|1", "0b10|2", "' 1'|1", "'1 '|1", "+1|1", "00|0", "zba|1",
        "zcmp|2", "zba,zcmp|3", "zba,|1", "0x_3|3"}, delimiter = '|')
    void rv32ArchFlags(String value, long flags) throws Exception {
        assertThat(parse("-march=rv32imc", "-march-flags=" + value, "a.py").options().archFlags()).isEqualTo(flags);
    }

    @ParameterizedTest(name = "rv32imc -march-flags=''{0}'' is refused")
    @CsvSource(value = {"4", "-1", "1_0", "010", ",zba", "''", "zbb", "zba,,zcmp", "0b", "0x"}, delimiter = '|')
    void rv32ArchFlagsRefused(String value) {
        assertThatThrownBy(() -> parse("-march=rv32imc", "-march-flags=" + value, "a.py"))
                .hasMessage("unrecognised arch flags");
    }

    @Test
    void archFlagsNeedAnArchThatHasThem() throws Exception {
        assertThat(parse("-march-flags=zz", "a.py").options().archFlags()).isZero();
        assertThatThrownBy(() -> parse("-march=x64", "-march-flags=1", "a.py")).hasMessage("unrecognised arch flags");
    }

    @Test
    void implementationOptions() throws Exception {
        assertThat(parse("-X", "heapsize=10k", "a.py").heapSize()).isEqualTo(10 * 1024);
        assertThat(parse("-X", "heapsize=1wk", "a.py").heapSize()).isEqualTo(2 * 1024);
        assertThat(parse("-X", "heapsize=3M", "a.py").heapSize()).isEqualTo(3 * 1024 * 1024);
        assertThat(parse("-X", "heapsize=0x100", "a.py").heapSize()).isEqualTo(256);
        assertThat(parse("-X", "emit=bytecode", "a.py").options().defaultEmit()).isEqualTo(CompileOptions.Emit.BYTECODE);
        assertThat(parse("-X", "emit=viper", "-march=x64", "a.py").options().defaultEmit())
                .isEqualTo(CompileOptions.Emit.VIPER);
        assertThatThrownBy(() -> parse("-X", "emit=native", "a.py")).hasMessage("arch not specified");
        assertThatThrownBy(() -> parse("-X", "foo", "a.py")).hasMessageContaining("unknown -X option 'foo'");
        assertThatThrownBy(() -> parse("a.py", "-X")).hasMessageContaining("-X needs an argument");
    }

    @Test
    void missingValuesAndUnknownOptionsAreUsage() {
        assertThatThrownBy(() -> parse("a.py", "-o")).hasMessage("-o needs an argument");
        assertThatThrownBy(() -> parse("a.py", "-s")).hasMessage("-s needs an argument");
        assertThatThrownBy(() -> parse("-Z", "a.py")).hasMessage("unknown option '-Z'");
        assertThatThrownBy(() -> parse("-march", "a.py")).hasMessage("unknown option '-march'");
        assertThatThrownBy(() -> parse("--root", "x", "a.py")).hasMessage("unknown option '--root'");
    }

    @Test
    void extraLongOptionsTheCallerAsksFor() throws Exception {
        Set<String> values = Set.of("--root", "--jobs");
        Set<String> switches = Set.of("--help");
        MpyCrossFlags f = MpyCrossFlags.parse(List.of("--root", "src", "--jobs=4", "--help", "-O2", "a.py", "--root=lib"),
                values, switches);
        assertThat(f.extras()).containsEntry("--root", "lib").containsEntry("--jobs", "4").containsEntry("--help", "true");
        assertThat(f.options().optimisationLevel()).isEqualTo(2);
        assertThat(f.inputs()).containsExactly("a.py");
        assertThatThrownBy(() -> MpyCrossFlags.parse(List.of("a.py", "--jobs"), values, switches))
                .hasMessage("--jobs needs an argument");
        assertThatThrownBy(() -> MpyCrossFlags.parse(List.of("--help=1"), values, switches))
                .hasMessage("unknown option '--help=1'");
        assertThat(MpyCrossFlags.parse(List.of("--", "--root"), values, switches).inputs()).containsExactly("--root");
    }
}
