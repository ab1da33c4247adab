package freezer.core.mpy;

import freezer.core.bytecode.Opcode;
import freezer.core.bytecode.OperandFormat;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Decodes a bytecode function's fun_data into its parts, checking its structure: every part
 * inside the bytes, every byte an opcode, every jump landing on an instruction, every child
 * index in range. Table indices (qstrs, constants) are checked by the reader, which knows the
 * tables.
 */
final class BytecodeDecoder {
    private BytecodeDecoder() {
    }

    /** The parts of one function, and where they start (file offsets, for reports). */
    record Decoded(Prelude prelude, int simpleName, List<Integer> argNames, List<LineStep> lineInfo,
            List<Integer> cells, List<Instruction> instructions, Layout layout) {

        BytecodeFunction function(List<RawCode> children) {
            return new BytecodeFunction(prelude, simpleName, argNames, lineInfo, cells, instructions, children);
        }
    }

    /** File offsets of the parts of a function's fun_data. */
    record Layout(long start, long prelude, long names, long lineInfo, long cells, long opcodes, long end) {
    }

    static Decoded decode(ByteInput in, int nChildren) throws MpyFormatException {
        long start = in.offset();
        Prelude prelude = Prelude.read(in);
        long sizeAt = in.offset();
        int[] size = Prelude.readSize(in);
        int nInfo = size[0];
        int nCell = size[1];
        long namesAt = in.offset();
        if (nInfo > in.remaining()) {
            throw in.errorAt(sizeAt, "source info of " + nInfo + " bytes runs past the end of the function ("
                    + in.remaining() + " bytes left)");
        }
        ByteInput info = in.slice(nInfo);
        long nNames = 1L + prelude.nPosArgs() + prelude.nKwonlyArgs();
        if (nNames > nInfo) {
            throw in.errorAt(sizeAt, "source info of " + nInfo + " bytes cannot hold " + nNames + " names");
        }
        int simpleName = info.uintAsInt("simple name");
        List<Integer> argNames = new ArrayList<>();
        for (long i = 1; i < nNames; i++) {
            argNames.add(info.uintAsInt("argument name"));
        }
        long lineAt = info.offset();
        List<LineStep> lineInfo = new ArrayList<>();
        while (!info.atEnd()) {
            lineInfo.add(LineStep.read(info));
        }
        long cellsAt = in.offset();
        if (nCell > in.remaining()) {
            throw in.errorAt(sizeAt, "closure section of " + nCell + " bytes runs past the end of the function ("
                    + in.remaining() + " bytes left)");
        }
        List<Integer> cells = new ArrayList<>(nCell);
        for (int i = 0; i < nCell; i++) {
            cells.add(in.u8("cell"));
        }
        long opcodesAt = in.offset();
        List<Instruction> instructions = instructions(in, nChildren);
        Layout layout = new Layout(start, sizeAt, namesAt, lineAt, cellsAt, opcodesAt, in.offset());
        return new Decoded(prelude, simpleName, argNames, lineInfo, cells, instructions, layout);
    }

    private static List<Instruction> instructions(ByteInput in, int nChildren) throws MpyFormatException {
        long base = in.offset();
        int length = in.remaining();
        List<Instruction> out = new ArrayList<>();
        BitSet starts = new BitSet(length);
        while (!in.atEnd()) {
            int at = (int) (in.offset() - base);
            starts.set(at);
            out.add(instruction(in, at, nChildren));
        }
        for (Instruction i : out) {
            if (i.opcode().format() == OperandFormat.OFFSET) {
                int target = i.target();
                if (target < 0 || target >= length || !starts.get(target)) {
                    throw in.errorAt(base + i.offset(), i.opcode() + " at bytecode offset " + i.offset()
                            + " jumps to " + target + ", which is not the start of an instruction");
                }
            }
        }
        return out;
    }

    private static Instruction instruction(ByteInput in, int at, int nChildren) throws MpyFormatException {
        long start = in.offset();
        int b = in.u8("opcode");
        Opcode op = Opcode.decode(b);
        if (op == null) {
            throw in.errorAt(start, String.format("byte 0x%02x at bytecode offset %d is not an opcode", b, at));
        }
        long arg = 0;
        String what = op + " argument";
        switch (op.format()) {
            case BYTE:
                if (op.isMulti()) {
                    arg = b - op.code() - (op == Opcode.LOAD_CONST_SMALL_INT_MULTI ? Opcode.SMALL_INT_MULTI_EXCESS : 0);
                }
                break;
            case QSTR:
                arg = in.uint(what);
                break;
            case VAR_UINT:
                arg = op == Opcode.LOAD_CONST_SMALL_INT ? in.signedUint(what) : in.uint(what);
                if (BytecodeFunction.makesFunction(op) && nChildren >= 0 && arg >= nChildren) {
                    throw in.errorAt(start, op + " at bytecode offset " + at + " names child " + arg
                            + " but the function has " + nChildren + (nChildren == 1 ? " child" : " children"));
                }
                break;
            case OFFSET:
                int lo = in.u8(what);
                boolean two = (lo & 0x80) != 0;
                long raw = two ? (lo & 0x7f) | in.u8(what) << 7 : lo;
                arg = raw - (op.hasSignedOffset() ? (two ? 0x4000 : 0x40) : 0);
                break;
            default:
                throw new AssertionError(op.format());
        }
        int extra = op.hasExtraByte() ? in.u8(op + " extra byte") : -1;
        int size = (int) (in.offset() - start);
        return new Instruction(at, op, arg, extra, size);
    }
}
