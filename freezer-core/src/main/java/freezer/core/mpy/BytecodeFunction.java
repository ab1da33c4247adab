package freezer.core.mpy;

import freezer.core.bytecode.Opcode;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A bytecode function, decoded from its fun_data as py/emitbc.c lays it out: the prelude
 * signature, the prelude size (n_info, n_cell), the source info (simple name, argument names,
 * line-number table), the closure section (locals that become cells) and the opcodes; then the
 * functions it creates. Names are indices into the module's qstr table.
 *
 * <p>{@link #funData()} encodes it again from these fields; with {@link #decode} the two are
 * exact inverses for every fun_data upstream's tools write.
 */
public record BytecodeFunction(Prelude prelude, int simpleName, List<Integer> argNames, List<LineStep> lineInfo,
        List<Integer> cells, List<Instruction> instructions, List<RawCode> children) implements RawCode {

    public BytecodeFunction {
        argNames = List.copyOf(argNames);
        lineInfo = List.copyOf(lineInfo);
        cells = List.copyOf(cells);
        instructions = List.copyOf(instructions);
        children = List.copyOf(children);
        if (simpleName < 0 || argNames.stream().anyMatch(q -> q < 0)) {
            throw new IllegalArgumentException("negative qstr index");
        }
        if (argNames.size() != (long) prelude.nPosArgs() + prelude.nKwonlyArgs()) {
            throw new IllegalArgumentException(argNames.size() + " argument names for "
                    + prelude.nPosArgs() + " positional and " + prelude.nKwonlyArgs() + " keyword-only arguments");
        }
        if (cells.stream().anyMatch(c -> c < 0 || c > 0xff)) {
            throw new IllegalArgumentException("cell local numbers are bytes");
        }
        int at = 0;
        for (Instruction i : instructions) {
            if (i.offset() != at) {
                throw new IllegalArgumentException("instruction at " + i.offset() + " should start at " + at);
            }
            at += i.size();
        }
    }

    /**
     * Decodes a fun_data as emitbc.c writes one (tests and tools build functions this way; the
     * compiler hands over the parts it laid out). Every MAKE_FUNCTION/MAKE_CLOSURE must name one
     * of {@code children}.
     *
     * @throws IllegalArgumentException when the bytes are not such a function (the message
     *     names the offset within funData)
     */
    public static BytecodeFunction decode(byte[] funData, List<RawCode> children) {
        try {
            BytecodeDecoder.Decoded d = BytecodeDecoder.decode(new ByteInput(funData), children.size());
            return d.function(children);
        } catch (MpyFormatException e) {
            throw new IllegalArgumentException("fun_data " + e.getMessage(), e);
        }
    }

    @Override
    public CodeKind kind() {
        return CodeKind.BYTECODE;
    }

    /** The fun_data bytes, encoded from the fields. */
    public byte[] funData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeFunData(out);
        return out.toByteArray();
    }

    void writeFunData(ByteArrayOutputStream out) {
        prelude.write(out);
        byte[] source = sourceInfo();
        Prelude.writeSize(out, source.length, cells.size());
        out.writeBytes(source);
        for (int c : cells) {
            out.write(c);
        }
        for (Instruction i : instructions) {
            i.write(out);
        }
    }

    /** The source info section: simple name, argument names, line-number table. */
    byte[] sourceInfo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Uint.write(out, simpleName);
        for (int q : argNames) {
            Uint.write(out, q);
        }
        for (LineStep s : lineInfo) {
            s.write(out);
        }
        return out.toByteArray();
    }

    /** The line-number table followed by the closure section (what mpy-tool shows as line info). */
    byte[] lineInfoAndCells() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (LineStep s : lineInfo) {
            s.write(out);
        }
        for (int c : cells) {
            out.write(c);
        }
        return out.toByteArray();
    }

    /** The number of bytecode bytes after the prelude. */
    public int bytecodeSize() {
        return instructions.isEmpty() ? 0 : instructions.get(instructions.size() - 1).offset()
                + instructions.get(instructions.size() - 1).size();
    }

    /** The source line of the instruction at a bytecode offset (py/bc.h mp_bytecode_get_source_line). */
    public int lineAt(int bytecodeOffset) {
        int line = 1;
        int rest = bytecodeOffset;
        for (LineStep s : lineInfo) {
            if (rest < s.bytecodeDelta()) {
                break;
            }
            rest -= s.bytecodeDelta();
            line += s.lineDelta();
        }
        return line;
    }

    /** Whether an instruction creates a function (its argument is a child index). */
    static boolean makesFunction(Opcode op) {
        return op == Opcode.MAKE_FUNCTION || op == Opcode.MAKE_FUNCTION_DEFARGS
                || op == Opcode.MAKE_CLOSURE || op == Opcode.MAKE_CLOSURE_DEFARGS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawCode r && RawCodeTrees.equal(this, r);
    }

    @Override
    public int hashCode() {
        return RawCodeTrees.hash(this);
    }

    @Override
    public String toString() {
        return "BytecodeFunction[simpleName=" + simpleName + ", prelude=" + prelude + ", " + instructions.size()
                + " instructions, " + children.size() + " children]";
    }
}
