package freezer.core.bytecode;

/** How an opcode's argument is encoded (py/bc0.h MP_BC_FORMAT_*). */
public enum OperandFormat {
    /** No argument (the value, if any, is in the opcode byte itself). */
    BYTE,
    /** A qstr-table index, as a variable-length unsigned int. */
    QSTR,
    /** A variable-length unsigned int (signed, for LOAD_CONST_SMALL_INT). */
    VAR_UINT,
    /** A relative jump offset of 1 or 2 bytes, signed or unsigned. */
    OFFSET
}
