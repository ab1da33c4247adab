package freezer.core.compile;

import freezer.core.emit.Opcode;

/**
 * The opcode stream of the function being emitted: writes opcodes and their operands, sizes
 * jumps from the label offsets of the previous pass, tracks the stack depth, and writes nothing
 * while the code is unreachable (after a jump, return or raise, until the next label), as
 * py/emitbc.c does. The emitter still numbers qstrs and constants of unreachable code.
 */
final class OpcodeWriter {
    private final ByteSink bytecode = new ByteSink();
    private Pass pass;
    private Scope scope;
    private boolean suppress;
    private int stackSize;
    private int[] labelOffsets = new int[0];
    private boolean overflow;

    void setMaxLabels(int n) {
        labelOffsets = new int[n];
    }

    void startPass(Pass p, Scope s) {
        pass = p;
        scope = s;
        suppress = false;
        stackSize = 0;
        overflow = false;
        bytecode.reset();
    }

    ByteSink bytecode() {
        return bytecode;
    }

    /** Whether a jump did not fit in 15 bits in the last EMIT pass. */
    boolean overflowed() {
        return overflow;
    }

    /** What follows is unreachable until the next label. */
    void suppress() {
        suppress = true;
    }

    void adjustStackSize(int delta) {
        if (pass == Pass.SCOPE) {
            return;
        }
        stackSize += delta;
        if (stackSize > scope.stackSize) {
            scope.stackSize = stackSize;
        }
    }

    void labelAssign(int label) {
        suppress = false;
        if (pass == Pass.SCOPE) {
            return;
        }
        labelOffsets[label] = bytecode.size();
    }

    void op(int stackAdj, int opcode) {
        adjustStackSize(stackAdj);
        if (!suppress) {
            bytecode.write(opcode);
        }
    }

    void rawByte(int b) {
        if (!suppress) {
            bytecode.write(b);
        }
    }

    void opUint(int stackAdj, int opcode, long value) {
        op(stackAdj, opcode);
        if (!suppress) {
            bytecode.writeUint(value);
        }
    }




    /** emitbc.c emit_write_bytecode_byte_int: a signed var-int whose top bit carries the sign. */
    void opInt(int stackAdj, Opcode opcode, long num) {
        op(stackAdj, opcode.code());
        byte[] buf = new byte[10];
        int p = buf.length;
        do {
            buf[--p] = (byte) (num & 0x7f);
            num >>= 7;
        } while (num != 0 && num != -1);
        if (num == -1 && (buf[p] & 0x40) == 0) {
            buf[--p] = 0x7f;
        } else if (num == 0 && (buf[p] & 0x40) != 0) {
            buf[--p] = 0;
        }
        if (!suppress) {
            for (int i = p; i < buf.length - 1; i++) {
                bytecode.write(buf[i] | 0x80);
            }
            bytecode.write(buf[buf.length - 1]);
        }
    }

    /**
     * emitbc.c emit_write_bytecode_byte_label: a jump with a 1- or 2-byte offset, relative to
     * the end of the instruction. Before code sizes are known every jump is the large size; it
     * may only shrink in later passes.
     */
    void opLabel(int stackAdj, Opcode opcode, int label) {
        adjustStackSize(stackAdj);
        if (suppress) {
            return;
        }
        boolean signed = opcode.hasSignedOffset();
        boolean large = true;
        int offset = 0;
        if (pass.compareTo(Pass.CODE_SIZE) >= 0) {
            offset = labelOffsets[label] - bytecode.size() - 2;
            if ((signed && -64 <= offset && offset <= 63) || (!signed && offset >= 0 && offset <= 127)) {
                large = false;
            }
            if (large) {
                offset -= 1;
            }
        }
        bytecode.write(opcode.code());
        if (!large) {
            bytecode.write(signed ? offset + 0x40 : offset);
        } else {
            if (signed) {
                offset += 0x4000;
            }
            if (pass == Pass.EMIT && !(0 <= offset && offset <= 0x7fff)) {
                overflow = true;
            }
            bytecode.write(0x80 | (offset & 0x7f));
            bytecode.write((offset >> 7) & 0xff);
        }
    }
}
