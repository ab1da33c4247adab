package freezer.core.emit.inline;

import freezer.core.ErrorType;
import freezer.core.emit.ErrorSlot;
import freezer.core.emit.InlineAssembler;
import freezer.core.emit.Pass;
import freezer.core.emit.asm.AsmBase;
import java.util.Arrays;

/**
 * What the inline assemblers share (py/emitinlinethumb.c and its siblings keep the same fields):
 * the pass, where operand errors go, and the labels by name. A label's name is kept from the
 * sizing pass into the EMIT pass, so a branch forward finds its label when emitting; while
 * sizing, a name further down is not known yet, and each assembler decides what that means.
 */
abstract class InlineAssemblerBase implements InlineAssembler {
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

    /** An operand error: a SyntaxError at the instruction's line. */
    final void error(String message) {
        errors.set(ErrorType.SyntaxError, message);
    }
}
