package freezer.core.compile;

/** Which emitter compiles a scope (py/emitglue.h MP_EMIT_OPT_*). */
enum EmitOption {
    NONE, BYTECODE, NATIVE_PYTHON, VIPER, ASM
}
