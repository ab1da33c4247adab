package freezer.core.mpy;

import freezer.core.NativeArch;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a target would load a .mpy: the header tests of py/persistentcode.c
 * mp_raw_code_load (MicroPython v1.28.0) against what is known of the target.
 */
public final class LoadCheck {
    private LoadCheck() {
    }

    /**
     * What is known of a target.
     *
     * @param arch the architecture whose native code it runs (NONE: a port without native code),
     *     or null when unknown
     * @param smallIntBits its MP_SMALL_INT_BITS, or 0 when unknown
     */
    public record Target(NativeArch arch, int smallIntBits) {
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (arch != null) {
                parts.add("arch " + (arch == NativeArch.NONE ? "none" : arch.marchName()));
            }
            if (smallIntBits > 0) {
                parts.add("small-int bits " + smallIntBits);
            }
            return String.join(", ", parts);
        }
    }

    /** The answer: yes, no, or it depends on something not given. */
    public enum Outcome {
        LOADS, DOES_NOT_LOAD, DEPENDS
    }

    /**
     * @param problems why not, in the order the loader tests; each names the ValueError the
     *     loader raises
     */
    public record Verdict(Outcome outcome, List<String> problems) {
        public Verdict {
            problems = List.copyOf(problems);
        }
    }

    public static Verdict check(MpyHeader h, Target t) {
        List<String> no = new ArrayList<>();
        List<String> depends = new ArrayList<>();
        if (t.smallIntBits() > 0 && h.smallIntBits() > t.smallIntBits()) {
            no.add("ValueError: incompatible .mpy file: compiled for " + h.smallIntBits()
                    + "-bit small ints, the target has " + t.smallIntBits()
                    + " (recompile with -msmall-int-bits=" + t.smallIntBits() + ")");
        }
        if (h.arch() != NativeArch.NONE) {
            if (t.arch() == null) {
                depends.add("holds " + h.arch().marchName() + " machine code: loads only on a target of that architecture");
            } else if (!archTest(t.arch(), h.arch())) {
                no.add(t.arch() == NativeArch.NONE
                        ? "ValueError: native code in .mpy unsupported: the file holds " + h.arch().marchName()
                                + " machine code and the target runs none"
                        : "ValueError: incompatible .mpy arch: the file holds " + h.arch().marchName()
                                + " machine code, the target runs " + t.arch().marchName());
            }
        }
        if (h.archFlags() != 0) {
            String flags = "0x" + Long.toHexString(h.archFlags());
            if (t.arch() == null) {
                depends.add("has arch flags " + flags + ": only an RV32 target that allows these extensions loads it");
            } else if (t.arch() == NativeArch.RV32IMC) {
                depends.add("needs RV32 extensions " + flags + ": loads only if the target allows all of them");
            } else {
                no.add("ValueError: incompatible .mpy file: arch flags " + flags + " are understood by RV32 targets only");
            }
        }
        if (!no.isEmpty()) {
            return new Verdict(Outcome.DOES_NOT_LOAD, no);
        }
        return new Verdict(depends.isEmpty() ? Outcome.LOADS : Outcome.DEPENDS, depends);
    }

    /**
     * persistentcode.h MPY_FEATURE_ARCH_TEST: Thumb targets run any Thumb code from armv6m up to
     * their own architecture; every other target only its own.
     */
    static boolean archTest(NativeArch target, NativeArch code) {
        int t = target.code();
        if (t >= NativeArch.ARMV6M.code() && t <= NativeArch.ARMV7EMDP.code()) {
            return code.code() >= NativeArch.ARMV6M.code() && code.code() <= t;
        }
        return code == target;
    }
}
