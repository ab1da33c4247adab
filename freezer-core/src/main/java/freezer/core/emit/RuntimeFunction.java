package freezer.core.emit;

/**
 * The entries of mp_fun_table that native code calls through (py/nativeglue.h mp_fun_kind_t),
 * in table order: a function's number is its index in the table.
 */
public enum RuntimeFunction {
    CONST_NONE_OBJ(0),
    CONST_FALSE_OBJ(0),
    CONST_TRUE_OBJ(0),
    CONVERT_OBJ_TO_NATIVE(2),
    CONVERT_NATIVE_TO_OBJ(2),
    NATIVE_SWAP_GLOBALS(1),
    LOAD_NAME(1),
    LOAD_GLOBAL(1),
    LOAD_BUILD_CLASS(0),
    LOAD_ATTR(2),
    LOAD_METHOD(3),
    LOAD_SUPER_METHOD(2),
    STORE_NAME(2),
    STORE_GLOBAL(2),
    STORE_ATTR(3),
    OBJ_SUBSCR(3),
    OBJ_IS_TRUE(1),
    UNARY_OP(2),
    BINARY_OP(3),
    BUILD_TUPLE(2),
    BUILD_LIST(2),
    BUILD_MAP(1),
    BUILD_SET(2),
    STORE_SET(2),
    LIST_APPEND(2),
    STORE_MAP(3),
    MAKE_FUNCTION_FROM_PROTO_FUN(3),
    NATIVE_CALL_FUNCTION_N_KW(3),
    CALL_METHOD_N_KW(3),
    CALL_METHOD_N_KW_VAR(3),
    NATIVE_GETITER(2),
    NATIVE_ITERNEXT(1),
    NLR_PUSH(1),
    NLR_POP(0),
    NATIVE_RAISE(1),
    IMPORT_NAME(3),
    IMPORT_FROM(2),
    IMPORT_ALL(1),
    NEW_SLICE(3),
    UNPACK_SEQUENCE(3),
    UNPACK_EX(3),
    DELETE_NAME(1),
    DELETE_GLOBAL(1),
    NEW_CLOSURE(3),
    ARG_CHECK_NUM_SIG(3),
    SETUP_CODE_STATE(4),
    SMALL_INT_FLOOR_DIVIDE(2),
    SMALL_INT_MODULO(2),
    NATIVE_YIELD_FROM(3),
    SETJMP(1);

    private final int argCount;

    RuntimeFunction(int argCount) {
        this.argCount = argCount;
    }

    /**
     * How many arguments the function takes (0 for the three constant objects): x86 passes
     * them on the stack and must know (emitnx86.c mp_f_n_args).
     */
    public int argCount() {
        return argCount;
    }

    /** The function at an index of mp_fun_table. */
    public static RuntimeFunction ofIndex(int index) {
        return values()[index];
    }

    /** The entry's index in mp_fun_table. */
    public int index() {
        return ordinal();
    }
}
