package freezer.core.emit;

/**
 * The type of a value or local in native and viper code (emitnative.c vtype_kind_t). Native
 * code has only objects; viper adds machine ints, bools and pointers. The low four bits of
 * {@link #code} are the runtime's native type (runtime0.h MP_NATIVE_TYPE_*), passed to the
 * conversion functions.
 */
public enum VType {
    PYOBJ(0x00, "object"),
    BOOL(0x01, "bool"),
    INT(0x02, "int"),
    UINT(0x03, "uint"),
    PTR(0x04, "ptr"),
    PTR8(0x05, "ptr8"),
    PTR16(0x06, "ptr16"),
    PTR32(0x07, "ptr32"),
    /** None, which converts to an object or to a null pointer. */
    PTR_NONE(0x50 | 0x04, "None"),
    /** A local not assigned yet, whose type is not known. */
    UNBOUND(0x60, "None"),
    /** The name of a type used as a cast, {@code int(x)}; the stack entry's value is the type. */
    BUILTIN_CAST(0x70, "None");

    private final int code;
    private final String typeName;

    VType(int code, String typeName) {
        this.code = code;
        this.typeName = typeName;
    }

    int code() {
        return code;
    }

    /** The runtime's native type number: the low four bits. */
    int nativeType() {
        return code & 0xf;
    }

    /** The name viper's errors use (vtype_to_qstr). */
    String typeName() {
        return typeName;
    }

    /** The type a native type number stands for, as a parameter or return annotation gives it. */
    static VType ofNativeType(int nativeType) {
        for (VType t : values()) {
            if (t.code == nativeType) {
                return t;
            }
        }
        throw new IllegalArgumentException("native type " + nativeType);
    }

    /** mp_native_type_from_qstr: the native type a name stands for, or -1. */
    public static int nativeTypeOf(String name) {
        return switch (name) {
            case "object" -> 0;
            case "bool" -> 1;
            case "int" -> 2;
            case "uint" -> 3;
            case "ptr" -> 4;
            case "ptr8" -> 5;
            case "ptr16" -> 6;
            case "ptr32" -> 7;
            default -> -1;
        };
    }

    boolean isInt() {
        return this == INT || this == UINT;
    }
}
