package freezer.core.emit;

/** Which emitter compiles a scope (py/emitglue.h MP_EMIT_OPT_*). */
public enum EmitOption {
    NONE, BYTECODE, NATIVE_PYTHON, VIPER, ASM;

    /** Whether the native emitter compiles a scope of this kind. */
    public boolean isNative() {
        return this == NATIVE_PYTHON || this == VIPER;
    }
}
