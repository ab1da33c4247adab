package freezer.core.bytecode;

/**
 * MicroPython's bytecode opcodes (py/bc0.h), one constant per opcode or per family of opcodes
 * that carry their argument in the opcode byte (the *_MULTI families). The table is the single
 * source of opcode numbers and operand formats for the emitter, the reader and the
 * disassembler.
 */
public enum Opcode {
    LOAD_CONST_FALSE(0x50, OperandFormat.BYTE),
    LOAD_CONST_NONE(0x51, OperandFormat.BYTE),
    LOAD_CONST_TRUE(0x52, OperandFormat.BYTE),
    LOAD_CONST_SMALL_INT(0x22, OperandFormat.VAR_UINT),
    LOAD_CONST_STRING(0x10, OperandFormat.QSTR),
    LOAD_CONST_OBJ(0x23, OperandFormat.VAR_UINT),
    LOAD_NULL(0x53, OperandFormat.BYTE),

    LOAD_FAST_N(0x24, OperandFormat.VAR_UINT),
    LOAD_DEREF(0x25, OperandFormat.VAR_UINT),
    LOAD_NAME(0x11, OperandFormat.QSTR),
    LOAD_GLOBAL(0x12, OperandFormat.QSTR),
    LOAD_ATTR(0x13, OperandFormat.QSTR),
    LOAD_METHOD(0x14, OperandFormat.QSTR),
    LOAD_SUPER_METHOD(0x15, OperandFormat.QSTR),
    LOAD_BUILD_CLASS(0x54, OperandFormat.BYTE),
    LOAD_SUBSCR(0x55, OperandFormat.BYTE),

    STORE_FAST_N(0x26, OperandFormat.VAR_UINT),
    STORE_DEREF(0x27, OperandFormat.VAR_UINT),
    STORE_NAME(0x16, OperandFormat.QSTR),
    STORE_GLOBAL(0x17, OperandFormat.QSTR),
    STORE_ATTR(0x18, OperandFormat.QSTR),
    STORE_SUBSCR(0x56, OperandFormat.BYTE),

    DELETE_FAST(0x28, OperandFormat.VAR_UINT),
    DELETE_DEREF(0x29, OperandFormat.VAR_UINT),
    DELETE_NAME(0x19, OperandFormat.QSTR),
    DELETE_GLOBAL(0x1a, OperandFormat.QSTR),

    DUP_TOP(0x57, OperandFormat.BYTE),
    DUP_TOP_TWO(0x58, OperandFormat.BYTE),
    POP_TOP(0x59, OperandFormat.BYTE),
    ROT_TWO(0x5a, OperandFormat.BYTE),
    ROT_THREE(0x5b, OperandFormat.BYTE),

    /** Signed offset, then a byte: the number of exception handlers to unwind. */
    UNWIND_JUMP(0x40, OperandFormat.OFFSET),
    JUMP(0x42, OperandFormat.OFFSET),
    POP_JUMP_IF_TRUE(0x43, OperandFormat.OFFSET),
    POP_JUMP_IF_FALSE(0x44, OperandFormat.OFFSET),
    JUMP_IF_TRUE_OR_POP(0x45, OperandFormat.OFFSET),
    JUMP_IF_FALSE_OR_POP(0x46, OperandFormat.OFFSET),
    SETUP_WITH(0x47, OperandFormat.OFFSET),
    SETUP_EXCEPT(0x48, OperandFormat.OFFSET),
    SETUP_FINALLY(0x49, OperandFormat.OFFSET),
    POP_EXCEPT_JUMP(0x4a, OperandFormat.OFFSET),
    FOR_ITER(0x4b, OperandFormat.OFFSET),
    WITH_CLEANUP(0x5c, OperandFormat.BYTE),
    END_FINALLY(0x5d, OperandFormat.BYTE),
    GET_ITER(0x5e, OperandFormat.BYTE),
    GET_ITER_STACK(0x5f, OperandFormat.BYTE),

    BUILD_TUPLE(0x2a, OperandFormat.VAR_UINT),
    BUILD_LIST(0x2b, OperandFormat.VAR_UINT),
    BUILD_MAP(0x2c, OperandFormat.VAR_UINT),
    STORE_MAP(0x62, OperandFormat.BYTE),
    BUILD_SET(0x2d, OperandFormat.VAR_UINT),
    BUILD_SLICE(0x2e, OperandFormat.VAR_UINT),
    STORE_COMP(0x2f, OperandFormat.VAR_UINT),
    UNPACK_SEQUENCE(0x30, OperandFormat.VAR_UINT),
    UNPACK_EX(0x31, OperandFormat.VAR_UINT),

    RETURN_VALUE(0x63, OperandFormat.BYTE),
    RAISE_LAST(0x64, OperandFormat.BYTE),
    RAISE_OBJ(0x65, OperandFormat.BYTE),
    RAISE_FROM(0x66, OperandFormat.BYTE),
    YIELD_VALUE(0x67, OperandFormat.BYTE),
    YIELD_FROM(0x68, OperandFormat.BYTE),

    MAKE_FUNCTION(0x32, OperandFormat.VAR_UINT),
    MAKE_FUNCTION_DEFARGS(0x33, OperandFormat.VAR_UINT),
    /** Child index, then a byte: the number of closed-over cells. */
    MAKE_CLOSURE(0x20, OperandFormat.VAR_UINT),
    MAKE_CLOSURE_DEFARGS(0x21, OperandFormat.VAR_UINT),
    CALL_FUNCTION(0x34, OperandFormat.VAR_UINT),
    CALL_FUNCTION_VAR_KW(0x35, OperandFormat.VAR_UINT),
    CALL_METHOD(0x36, OperandFormat.VAR_UINT),
    CALL_METHOD_VAR_KW(0x37, OperandFormat.VAR_UINT),

    IMPORT_NAME(0x1b, OperandFormat.QSTR),
    IMPORT_FROM(0x1c, OperandFormat.QSTR),
    IMPORT_STAR(0x69, OperandFormat.BYTE),

    /** Small ints -16..47 in the opcode byte: 0x70 + 16 + value. */
    LOAD_CONST_SMALL_INT_MULTI(0x70, OperandFormat.BYTE, 64),
    /** Locals 0..15 in the opcode byte. */
    LOAD_FAST_MULTI(0xb0, OperandFormat.BYTE, 16),
    STORE_FAST_MULTI(0xc0, OperandFormat.BYTE, 16),
    /** Unary ops (see {@link UnaryOp}) in the opcode byte. */
    UNARY_OP_MULTI(0xd0, OperandFormat.BYTE, UnaryOp.NUM_BYTECODE),
    /** Binary ops (see {@link BinaryOp}) in the opcode byte. */
    BINARY_OP_MULTI(0xd7, OperandFormat.BYTE, BinaryOp.NUM_BYTECODE);

    /** LOAD_CONST_SMALL_INT_MULTI holds values from -this up. */
    public static final int SMALL_INT_MULTI_EXCESS = 16;

    private static final Opcode[] BY_BYTE = new Opcode[256];

    static {
        for (Opcode op : values()) {
            for (int i = 0; i < op.count; i++) {
                BY_BYTE[op.code + i] = op;
            }
        }
    }

    private final int code;
    private final OperandFormat format;
    private final int count;

    Opcode(int code, OperandFormat format) {
        this(code, format, 1);
    }

    Opcode(int code, OperandFormat format, int count) {
        this.code = code;
        this.format = format;
        this.count = count;
    }

    /** The opcode byte (the first of the family for *_MULTI opcodes). */
    public int code() {
        return code;
    }

    public OperandFormat format() {
        return format;
    }

    /** How many opcode bytes this family spans (1 for plain opcodes). */
    public int count() {
        return count;
    }

    public boolean isMulti() {
        return count > 1;
    }

    /** Jump offsets are signed for UNWIND_JUMP..POP_JUMP_IF_FALSE, unsigned after. */
    public boolean hasSignedOffset() {
        return format == OperandFormat.OFFSET && code <= POP_JUMP_IF_FALSE.code;
    }

    /** Whether a byte follows the argument (bc0.h MP_BC_MASK_EXTRA_BYTE). */
    public boolean hasExtraByte() {
        return !isMulti() && (code & 0x9e) == 0;
    }

    /** The opcode (or family) a byte starts, or null for a byte that is no opcode. */
    public static Opcode decode(int b) {
        return BY_BYTE[b & 0xff];
    }
}
