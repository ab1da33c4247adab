package freezer.core.emit;

/**
 * The entries of mp_fun_table that native code calls through (py/nativeglue.h mp_fun_kind_t),
 * in table order: a function's number is its index in the table.
 */
public enum RuntimeFunction {
    CONST_NONE_OBJ,
    CONST_FALSE_OBJ,
    CONST_TRUE_OBJ,
    CONVERT_OBJ_TO_NATIVE,
    CONVERT_NATIVE_TO_OBJ,
    NATIVE_SWAP_GLOBALS,
    LOAD_NAME,
    LOAD_GLOBAL,
    LOAD_BUILD_CLASS,
    LOAD_ATTR,
    LOAD_METHOD,
    LOAD_SUPER_METHOD,
    STORE_NAME,
    STORE_GLOBAL,
    STORE_ATTR,
    OBJ_SUBSCR,
    OBJ_IS_TRUE,
    UNARY_OP,
    BINARY_OP,
    BUILD_TUPLE,
    BUILD_LIST,
    BUILD_MAP,
    BUILD_SET,
    STORE_SET,
    LIST_APPEND,
    STORE_MAP,
    MAKE_FUNCTION_FROM_PROTO_FUN,
    NATIVE_CALL_FUNCTION_N_KW,
    CALL_METHOD_N_KW,
    CALL_METHOD_N_KW_VAR,
    NATIVE_GETITER,
    NATIVE_ITERNEXT,
    NLR_PUSH,
    NLR_POP,
    NATIVE_RAISE,
    IMPORT_NAME,
    IMPORT_FROM,
    IMPORT_ALL,
    NEW_SLICE,
    UNPACK_SEQUENCE,
    UNPACK_EX,
    DELETE_NAME,
    DELETE_GLOBAL,
    NEW_CLOSURE,
    ARG_CHECK_NUM_SIG,
    SETUP_CODE_STATE,
    SMALL_INT_FLOOR_DIVIDE,
    SMALL_INT_MODULO,
    NATIVE_YIELD_FROM,
    SETJMP;

    /** The entry's index in mp_fun_table. */
    public int index() {
        return ordinal();
    }
}
