package freezer.core.mpy;

/**
 * Where each part of a bytecode function's fun_data starts, as mpy-tool.py's extract_prelude
 * finds them: the signature, the prelude size, the source info (simple name and argument
 * names), the line-number table, the closure section and the opcodes. Offsets count from the
 * start of {@link BytecodeFunction#funData()}.
 *
 * @param preludeSize where the n_info/n_cell varint starts (the signature's length)
 * @param sourceInfo where the simple name starts
 * @param lineInfo where the line-number table starts (after the names)
 * @param closureInfo where the closure section starts
 * @param opcodes where the first opcode starts
 * @param length the whole fun_data's length
 */
public record FunDataSections(int preludeSize, int sourceInfo, int lineInfo, int closureInfo, int opcodes,
        int length) {

    /** The sections of a function's fun_data, computed from the model without encoding it twice. */
    public static FunDataSections of(BytecodeFunction f) {
        int sig = f.prelude().bytes().length;
        int names = Uint.length(f.simpleName());
        for (int q : f.argNames()) {
            names += Uint.length(q);
        }
        int lines = 0;
        for (LineStep s : f.lineInfo()) {
            lines += s.size();
        }
        int nInfo = names + lines;
        int sourceInfo = sig + Prelude.sizeLength(nInfo, f.cells().size());
        int closure = sourceInfo + nInfo;
        int opcodes = closure + f.cells().size();
        return new FunDataSections(sig, sourceInfo, sourceInfo + names, closure, opcodes, opcodes + f.bytecodeSize());
    }
}
