package freezer.core.bytecode;

/** The unary operators that appear in bytecode (py/runtime0.h mp_unary_op_t). */
public enum UnaryOp {
    POSITIVE, NEGATIVE, INVERT, NOT;

    public static final int NUM_BYTECODE = 4;
}
