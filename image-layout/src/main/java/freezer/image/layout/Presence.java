package freezer.image.layout;

/**
 * When an object the C writes is compiled at all: some sit inside an {@code #if} that only some
 * targets take.
 */
public enum Presence {
    ALWAYS,
    /** A bytecode function without children has a raw-code structure only here (else a {@code #define}). */
    PERSISTENT_CODE_SAVE,
    /** Float objects exist in object representations A and B only (C and D box floats in the word). */
    OBJ_REPR_A_OR_B,
    /** A native function's separate prelude copy: MICROPY_EMIT_NATIVE_PRELUDE_SEPARATE_FROM_MACHINE_CODE (xtensawin). */
    SEPARATE_NATIVE_PRELUDE
}
