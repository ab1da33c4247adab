package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.NativeArch;
import org.junit.jupiter.api.Test;

/** The loader's header tests (py/persistentcode.c mp_raw_code_load) against target facts. */
class LoadCheckTest {
    private static final MpyHeader BYTECODE_31 = MpyHeader.bytecode(31, 0);
    private static final MpyHeader BYTECODE_63 = MpyHeader.bytecode(63, 0);

    private static MpyHeader nativeFor(NativeArch a) {
        return new MpyHeader(6, 3, a, 31, 0);
    }

    @Test
    void smallIntBitsMustFit() {
        assertThat(LoadCheck.check(BYTECODE_31, new LoadCheck.Target(null, 31)).outcome()).isEqualTo(LoadCheck.Outcome.LOADS);
        assertThat(LoadCheck.check(BYTECODE_31, new LoadCheck.Target(null, 63)).outcome()).isEqualTo(LoadCheck.Outcome.LOADS);
        LoadCheck.Verdict v = LoadCheck.check(BYTECODE_63, new LoadCheck.Target(NativeArch.NONE, 31));
        assertThat(v.outcome()).isEqualTo(LoadCheck.Outcome.DOES_NOT_LOAD);
        assertThat(v.problems()).singleElement().asString().startsWith("ValueError: incompatible .mpy file")
                .contains("63-bit small ints, the target has 31");
    }

    @Test
    void nativeCodeNeedsItsArchitecture() {
        assertThat(LoadCheck.check(nativeFor(NativeArch.X64), new LoadCheck.Target(NativeArch.X64, 0)).outcome())
                .isEqualTo(LoadCheck.Outcome.LOADS);
        assertThat(LoadCheck.check(nativeFor(NativeArch.X64), new LoadCheck.Target(NativeArch.X86, 0)).problems())
                .singleElement().asString().startsWith("ValueError: incompatible .mpy arch");
        assertThat(LoadCheck.check(nativeFor(NativeArch.X64), new LoadCheck.Target(NativeArch.NONE, 0)).problems())
                .singleElement().asString().startsWith("ValueError: native code in .mpy unsupported");
        assertThat(LoadCheck.check(nativeFor(NativeArch.X64), new LoadCheck.Target(null, 63)).outcome())
                .isEqualTo(LoadCheck.Outcome.DEPENDS);
    }

    @Test
    void thumbTargetsRunOlderThumbCode() {
        LoadCheck.Target emsp = new LoadCheck.Target(NativeArch.ARMV7EMSP, 31);
        assertThat(LoadCheck.check(nativeFor(NativeArch.ARMV6M), emsp).outcome()).isEqualTo(LoadCheck.Outcome.LOADS);
        assertThat(LoadCheck.check(nativeFor(NativeArch.ARMV7M), emsp).outcome()).isEqualTo(LoadCheck.Outcome.LOADS);
        assertThat(LoadCheck.check(nativeFor(NativeArch.ARMV7EMDP), emsp).outcome()).isEqualTo(LoadCheck.Outcome.DOES_NOT_LOAD);
        assertThat(LoadCheck.check(nativeFor(NativeArch.ARMV7M), new LoadCheck.Target(NativeArch.ARMV6M, 31)).outcome())
                .isEqualTo(LoadCheck.Outcome.DOES_NOT_LOAD);
        assertThat(LoadCheck.check(nativeFor(NativeArch.ARMV6), emsp).outcome()).isEqualTo(LoadCheck.Outcome.DOES_NOT_LOAD);
    }

    @Test
    void archFlagsOnlyOnRv32() {
        MpyHeader flagged = new MpyHeader(6, 3, NativeArch.RV32IMC, 31, 0x1);
        assertThat(LoadCheck.check(flagged, new LoadCheck.Target(NativeArch.RV32IMC, 31)).outcome())
                .isEqualTo(LoadCheck.Outcome.DEPENDS);
        assertThat(LoadCheck.check(flagged, new LoadCheck.Target(NativeArch.X64, 63)).problems())
                .anySatisfy(p -> assertThat(p).contains("arch flags 0x1 are understood by RV32 targets only"));
    }
}
