package freezer.core.bytecode;

/**
 * The binary operators that appear in bytecode (py/runtime0.h mp_binary_op_t), in upstream's
 * order: the first six follow the comparison tokens, the in-place and plain runs follow the
 * operator tokens, so a token maps to its operator by offset.
 */
public enum BinaryOp {
    LESS, MORE, EQUAL, LESS_EQUAL, MORE_EQUAL, NOT_EQUAL, IN, IS, EXCEPTION_MATCH,
    INPLACE_OR, INPLACE_XOR, INPLACE_AND, INPLACE_LSHIFT, INPLACE_RSHIFT, INPLACE_ADD,
    INPLACE_SUBTRACT, INPLACE_MULTIPLY, INPLACE_MAT_MULTIPLY, INPLACE_FLOOR_DIVIDE,
    INPLACE_TRUE_DIVIDE, INPLACE_MODULO, INPLACE_POWER,
    OR, XOR, AND, LSHIFT, RSHIFT, ADD, SUBTRACT, MULTIPLY, MAT_MULTIPLY, FLOOR_DIVIDE,
    TRUE_DIVIDE, MODULO, POWER;

    public static final int NUM_BYTECODE = 35;

    private static final BinaryOp[] BY_ORDINAL = values();

    /** The operator with this ordinal ({@code values()} would copy the array on every call). */
    public static BinaryOp at(int ordinal) {
        return BY_ORDINAL[ordinal];
    }
}
