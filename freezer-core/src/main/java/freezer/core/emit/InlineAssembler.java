package freezer.core.emit;

import freezer.core.emit.asm.AsmBase;
import freezer.core.parse.ParseNode;
import java.util.List;

/**
 * An inline assembler: the instructions of an {@code @micropython.asm_thumb},
 * {@code asm_xtensa} or {@code asm_rv32} function (py/emit.h emit_inline_asm_method_table_t;
 * py/emitinlinethumb.c and its siblings). The compiler reads the function body and calls
 * {@link #op} once per instruction, in the CODE_SIZE pass (twice for Xtensa, see
 * {@link #codeSizePasses}) and then the EMIT pass; {@code label}, {@code align} and
 * {@code data} it handles itself, through {@link #asm()} and {@link #label}.
 *
 * <p>Operand errors are SyntaxErrors recorded in the {@link ErrorSlot} given to
 * {@link #startPass}; the compiler then stops and reports the instruction's line. Errors an
 * assembler finds only once the whole function is laid out (a branch out of range, say) are
 * reported without a line, as mpy-cross does: throw {@link EmitException#raised}.
 */
public interface InlineAssembler {
    /** The assembler underneath: its passes, labels, alignment, data and code. */
    AsmBase asm();

    /** How many CODE_SIZE passes the function needs before EMIT (Xtensa's literal table needs two). */
    default int codeSizePasses() {
        return 1;
    }

    /** Starts a CODE_SIZE or EMIT pass (the function's entry code goes out here). */
    void startPass(Pass pass, ErrorSlot errors);

    /** Ends a pass (the function's exit code goes out here); {@code typeSig} is the return type. */
    void endPass(int typeSig);

    /**
     * Checks the parameters (register names, in order) and returns how many there are; on an
     * error, records it and returns 0.
     */
    int countParams(List<ParseNode> params);

    /** A label: false if the name is already taken in this function. */
    boolean label(int labelNum, String name);

    /** One instruction: {@code op(args...)}. */
    void op(String op, List<ParseNode> args);
}
