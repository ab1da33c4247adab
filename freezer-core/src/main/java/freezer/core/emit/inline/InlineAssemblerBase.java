package freezer.core.emit.inline;

import freezer.core.ErrorType;
import freezer.core.emit.ErrorSlot;
import freezer.core.emit.InlineAssembler;
import freezer.core.emit.Pass;
import freezer.core.emit.asm.AsmBase;
import freezer.core.parse.ParseNode;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What the inline assemblers share (py/emitinlinethumb.c and its siblings keep the same fields):
 * the pass, where operand errors go, and the labels by name. A label's name is kept from the
 * sizing pass into the EMIT pass, so a branch forward finds its label when emitting; while
 * sizing, a name further down is not known yet, and each assembler decides what that means.
 */
abstract class InlineAssemblerBase implements InlineAssembler {
    /** Parameters arrive in registers, up to four on every target. */
    static final int MAX_PARAMS = 4;

    private final AsmBase asm;
    private final String[] labelNames;
    private Pass pass;
    private ErrorSlot errors;

    InlineAssemblerBase(AsmBase asm, int maxLabels) {
        this.asm = asm;
        this.labelNames = new String[maxLabels];
    }

    @Override
    public final AsmBase asm() {
        return asm;
    }

    /** Subclasses that emit entry code do it after this. */
    @Override
    public void startPass(Pass p, ErrorSlot errorSlot) {
        pass = p;
        errors = errorSlot;
        if (p == Pass.CODE_SIZE) {
            Arrays.fill(labelNames, null);
        }
        asm.startPass(p == Pass.EMIT ? AsmBase.Pass.EMIT : AsmBase.Pass.COMPUTE);
    }

    @Override
    public final boolean label(int labelNum, String name) {
        if (pass == Pass.CODE_SIZE && Arrays.asList(labelNames).contains(name)) {
            return false;
        }
        labelNames[labelNum] = name;
        asm.labelAssign(labelNum);
        return true;
    }

    /** The number of the label of that name known so far, or -1. */
    final int labelNumber(String name) {
        return Arrays.asList(labelNames).indexOf(name);
    }

    /** Whether this is the EMIT pass (a label still unknown is then an error). */
    final boolean emitting() {
        return pass == Pass.EMIT;
    }

    /**
     * Checks that the parameters are the registers {@code register.apply(0)},
     * {@code register.apply(1)} ... in order, at most four, with upstream's messages naming the
     * {@code assembly} and the {@code sequence}; returns how many there are, or 0 after an error.
     */
    final int registerParams(List<ParseNode> params, IntFunction<String> register, String assembly,
            String sequence) {
        if (params.size() > MAX_PARAMS) {
            error("can only have up to " + MAX_PARAMS + " parameters to " + assembly + " assembly");
            return 0;
        }
        for (int i = 0; i < params.size(); i++) {
            if (!(params.get(i) instanceof ParseNode.Id id && id.name().equals(register.apply(i)))) {
                error("parameters must be registers in sequence " + sequence);
                return 0;
            }
        }
        return params.size();
    }

    /** An operand error: a SyntaxError at the instruction's line. */
    final void error(String message) {
        errors.set(ErrorType.SyntaxError, message);
    }
}
