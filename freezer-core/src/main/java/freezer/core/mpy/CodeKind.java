package freezer.core.mpy;

/**
 * The kinds of function a .mpy holds (py/emitglue.h MP_CODE_*), numbered as the low two bits
 * of a raw code's first varint store them.
 */
public enum CodeKind {
    BYTECODE("MP_CODE_BYTECODE"),
    NATIVE_PY("MP_CODE_NATIVE_PY"),
    NATIVE_VIPER("MP_CODE_NATIVE_VIPER"),
    NATIVE_ASM("MP_CODE_NATIVE_ASM");

    private final String upstreamName;

    CodeKind(String upstreamName) {
        this.upstreamName = upstreamName;
    }

    /** The two bits stored in the file (kind minus MP_CODE_BYTECODE). */
    public int bits() {
        return ordinal();
    }

    public String upstreamName() {
        return upstreamName;
    }

    public static CodeKind ofBits(int bits) {
        return values()[bits & 3];
    }
}
