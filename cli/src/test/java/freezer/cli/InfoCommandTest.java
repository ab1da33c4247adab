package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfoCommandTest {
    private static final String BYTECODE = CommandRun.golden("compile/ok/functions/positional_defaults.mpy").toString();
    private static final String ARMV7M = CommandRun.golden("native/armv7m/viper_sum.mpy").toString();

    @Test
    void describesAFile() {
        CommandRun r = CommandRun.of(InfoCommand::run, BYTECODE);
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith(BYTECODE + ":\n  version: 6 (bytecode only, loads on any 6.x)\n  arch: none\n")
                .contains("  small-int bits: 31\n").contains("  functions: ").contains("  qstrs: ").contains("  constants: ");
    }

    @Test
    void nativeFileOnItsOwnAndOnAnotherTarget() {
        CommandRun same = CommandRun.of(InfoCommand::run, "--arch", "armv7emsp", "--small-int-bits", "31", ARMV7M);
        assertThat(same.status()).isZero();
        assertThat(same.out()).contains("  version: 6.3\n  arch: armv7m\n")
                .contains("  functions: 2 (bytecode 1, viper 1)")
                .contains("on a target with arch armv7emsp, small-int bits 31: loads");
        CommandRun other = CommandRun.of(InfoCommand::run, "--arch", "x64", ARMV7M);
        assertThat(other.status()).isEqualTo(1);
        assertThat(other.out()).contains("does not load\n    ValueError: incompatible .mpy arch");
    }

    @Test
    void smallIntsTooWideForTheTarget() {
        CommandRun r = CommandRun.of(InfoCommand::run, "--small-int-bits", "15", BYTECODE, BYTECODE);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("ValueError: incompatible .mpy file: compiled for 31-bit small ints, the target has 15");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CommandRun.of(InfoCommand::run, "--arch", "z80", BYTECODE).status()).isEqualTo(2);
        assertThat(CommandRun.of(InfoCommand::run, "--small-int-bits", "0", BYTECODE).status()).isEqualTo(2);
        assertThat(CommandRun.of(InfoCommand::run).status()).isEqualTo(2);
    }

    @Test
    void unreadableFilesAreErrors() {
        CommandRun r = CommandRun.of(InfoCommand::run, "missing.mpy", BYTECODE);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains("missing.mpy: cannot read: no such file");
        assertThat(r.out()).contains(BYTECODE + ":");
    }
}
