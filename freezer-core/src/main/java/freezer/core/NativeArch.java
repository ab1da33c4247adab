package freezer.core;

import java.util.Optional;

/**
 * Native architectures as the .mpy header numbers them (py/persistentcode.h MP_NATIVE_ARCH_*),
 * with the names mpy-cross's {@code -march=} takes.
 */
public enum NativeArch {
    NONE(0, null),
    X86(1, "x86"),
    X64(2, "x64"),
    ARMV6(3, "armv6"),
    ARMV6M(4, "armv6m"),
    ARMV7M(5, "armv7m"),
    ARMV7EM(6, "armv7em"),
    ARMV7EMSP(7, "armv7emsp"),
    ARMV7EMDP(8, "armv7emdp"),
    XTENSA(9, "xtensa"),
    XTENSAWIN(10, "xtensawin"),
    RV32IMC(11, "rv32imc"),
    RV64IMC(12, "rv64imc"),
    // mpy-cross accepts these two but they are not real targets
    DEBUG(13, "debug"),
    HOST(-1, "host");

    private final int code;
    private final String marchName;

    NativeArch(int code, String marchName) {
        this.code = code;
        this.marchName = marchName;
    }

    /** The number stored in the header's arch field. */
    public int code() {
        return code;
    }

    /** The name {@code -march=} takes, or null for NONE. */
    public String marchName() {
        return marchName;
    }

    public static Optional<NativeArch> byMarchName(String name) {
        for (NativeArch a : values()) {
            if (name.equals(a.marchName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public static Optional<NativeArch> byCode(int code) {
        for (NativeArch a : values()) {
            if (a.code == code && a != HOST) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
