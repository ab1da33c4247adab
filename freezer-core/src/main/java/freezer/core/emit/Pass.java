package freezer.core.emit;

/** The compiler's passes over each scope (py/emit.h pass_kind_t). */
public enum Pass {
    /** Find the names and their kinds, and the scopes. */
    SCOPE,
    /** Find the maximum stack depth. */
    STACK_SIZE,
    /** Find the code size and label offsets. */
    CODE_SIZE,
    /** Write the code; repeated while jumps keep shrinking. */
    EMIT
}
