package freezer.core.mpy;

import freezer.core.NativeArch;

/**
 * The fixed start of a .mpy: 'M', the version, a features byte (arch and sub-version when the
 * file holds native code, and a flag saying arch flags follow), the small-int width.
 *
 * @param version the major version (6 for MicroPython 1.22 and later)
 * @param subVersion the sub-version; only stored in the file when it holds native code
 * @param arch the native architecture, NONE for bytecode-only files
 * @param smallIntBits the width of small ints the file was compiled for
 * @param archFlags the architecture flags, 0 when absent
 */
public record MpyHeader(int version, int subVersion, NativeArch arch, int smallIntBits, long archFlags) {
    public static final int VERSION = 6;
    public static final int SUB_VERSION = 3;
    public static final int ARCH_FLAGS_BIT = 0x40;

    /** The header mpy-cross writes for a file without native code. */
    public static MpyHeader bytecode(int smallIntBits, long archFlags) {
        return new MpyHeader(VERSION, SUB_VERSION, NativeArch.NONE, smallIntBits, archFlags);
    }

    /** The features byte: 0 for plain bytecode. */
    public int featuresByte() {
        int b = archFlags != 0 ? ARCH_FLAGS_BIT : 0;
        if (arch != NativeArch.NONE) {
            b |= subVersion | arch.code() << 2;
        }
        return b;
    }
}
