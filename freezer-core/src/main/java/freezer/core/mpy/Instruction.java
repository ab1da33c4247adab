package freezer.core.mpy;

import freezer.core.bytecode.Opcode;
import freezer.core.bytecode.OperandFormat;
import java.io.ByteArrayOutputStream;

/**
 * One bytecode instruction (py/bc0.h), decoded.
 *
 * @param offset where it starts, counted from the function's first opcode (as jump offsets and
 *     the line table count)
 * @param opcode the opcode, or the family of opcodes that carry their argument in the opcode
 *     byte
 * @param arg the argument: a qstr-table index (QSTR format), a number (VAR_UINT; signed for
 *     LOAD_CONST_SMALL_INT), the jump offset as stored (OFFSET: signed for the first four jumps,
 *     relative to the end of the offset field), or for a *_MULTI family the value in the opcode
 *     byte (the small int, the local number, the operator number); 0 otherwise
 * @param extraByte the byte that follows MAKE_CLOSURE's, MAKE_CLOSURE_DEFARGS's and
 *     UNWIND_JUMP's argument, or -1
 * @param size the encoded size in bytes; for jumps this says whether the offset takes one byte
 *     or two, which emitbc.c decides from earlier passes
 */
public record Instruction(int offset, Opcode opcode, long arg, int extraByte, int size) {

    public Instruction {
        if (opcode.hasExtraByte() != (extraByte >= 0) || extraByte > 0xff) {
            throw new IllegalArgumentException(opcode + ": extra byte " + extraByte);
        }
        if (size != encodedSize(opcode, arg, extraByte, size)) {
            throw new IllegalArgumentException(opcode + " " + arg + " cannot be encoded in " + size + " bytes");
        }
    }

    /** The opcode byte as stored. */
    public int opcodeByte() {
        if (!opcode.isMulti()) {
            return opcode.code();
        }
        int excess = opcode == Opcode.LOAD_CONST_SMALL_INT_MULTI ? Opcode.SMALL_INT_MULTI_EXCESS : 0;
        return opcode.code() + (int) arg + excess;
    }

    /** Where a jump goes, as the VM computes it: from the end of the offset field. */
    public int target() {
        if (opcode.format() != OperandFormat.OFFSET) {
            throw new IllegalStateException(opcode + " is not a jump");
        }
        return offset + size - (extraByte >= 0 ? 1 : 0) + (int) arg;
    }

    /** An instruction laid out as emitbc.c would: the shortest jump form that holds arg. */
    public static Instruction of(int offset, Opcode opcode, long arg, int extraByte) {
        return new Instruction(offset, opcode, arg, extraByte, encodedSize(opcode, arg, extraByte, -1));
    }

    /**
     * The encoded size; for jumps, {@code wanted} (when 1 + 1 or 1 + 2 bytes of offset, plus the
     * extra byte) picks the form if arg fits it.
     */
    static int encodedSize(Opcode opcode, long arg, int extraByte, int wanted) {
        int extra = extraByte >= 0 ? 1 : 0;
        switch (opcode.format()) {
            case BYTE:
                if (opcode.isMulti()) {
                    long low = opcode == Opcode.LOAD_CONST_SMALL_INT_MULTI ? -Opcode.SMALL_INT_MULTI_EXCESS : 0;
                    if (arg < low || arg >= low + opcode.count()) {
                        throw new IllegalArgumentException(opcode + " holds no " + arg);
                    }
                } else if (arg != 0) {
                    throw new IllegalArgumentException(opcode + " takes no argument");
                }
                return 1 + extra;
            case QSTR:
            case VAR_UINT:
                if (opcode == Opcode.LOAD_CONST_SMALL_INT) {
                    return 1 + Uint.signedLength(arg) + extra;
                }
                if (arg < 0) {
                    throw new IllegalArgumentException(opcode + " argument " + arg + " is negative");
                }
                return 1 + Uint.length(arg) + extra;
            case OFFSET:
                boolean signed = opcode.hasSignedOffset();
                boolean fitsOne = signed ? arg >= -0x40 && arg < 0x40 : arg >= 0 && arg < 0x80;
                boolean fitsTwo = signed ? arg >= -0x4000 && arg < 0x4000 : arg >= 0 && arg < 0x8000;
                if (!fitsTwo) {
                    throw new IllegalArgumentException(opcode + " offset " + arg + " out of range");
                }
                if (wanted == 3 + extra || !fitsOne) {
                    return 3 + extra;
                }
                return 2 + extra;
            default:
                throw new AssertionError(opcode.format());
        }
    }

    void write(ByteArrayOutputStream out) {
        out.write(opcodeByte());
        switch (opcode.format()) {
            case QSTR:
            case VAR_UINT:
                if (opcode == Opcode.LOAD_CONST_SMALL_INT) {
                    Uint.writeSigned(out, arg);
                } else {
                    Uint.write(out, arg);
                }
                break;
            case OFFSET:
                long stored = arg + (opcode.hasSignedOffset() ? (size - (extraByte >= 0 ? 1 : 0) == 2 ? 0x40 : 0x4000) : 0);
                if (size - (extraByte >= 0 ? 1 : 0) == 2) {
                    out.write((int) stored);
                } else {
                    out.write(0x80 | (int) stored & 0x7f);
                    out.write((int) (stored >> 7) & 0xff);
                }
                break;
            default:
                break;
        }
        if (extraByte >= 0) {
            out.write(extraByte);
        }
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        write(out);
        return out.toByteArray();
    }
}
