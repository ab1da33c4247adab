package freezer.core.emit;

import freezer.core.bytecode.Opcode;
import freezer.core.compile.Scope;
import freezer.core.mpy.Instruction;
import freezer.core.mpy.Uint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The opcode stream of the function being emitted: lays out opcodes and their operands, sizes
 * jumps from the label offsets of the previous pass, tracks the stack depth, and writes nothing
 * while the code is unreachable (after a jump, return or raise, until the next label), as
 * py/emitbc.c does. The emitter still numbers qstrs and constants of unreachable code.
 *
 * <p>Every pass counts bytes; the EMIT pass also keeps the instructions, which become the
 * function's {@link Instruction}s once the pass turns out to be the last. When jumps shrank in
 * it, upstream compiles the scope again, and again, until nothing moves: as many passes as it
 * takes the shrinking to travel through the function, which made a function of thousands of
 * conditionals quadratic. The EMIT pass therefore also keeps a tape of what it laid out (the
 * instructions, the labels, the source lines). {@link JumpRelaxation} works out from it where
 * those passes end, at the cost of what changes in them, and {@link #replay} lays the last one
 * out from the label offsets it starts from. Replaying the tape pass by pass (the same passes,
 * the same bytes, without walking the parse tree again) is the reference, and what a function
 * the relaxation does not model is compiled by.
 */
final class OpcodeWriter {
    /** An instruction as laid out, checked only when it is known to be final. */
    private record Laid(int offset, Opcode opcode, long arg, int extraByte, int size) {
        Instruction instruction() {
            return new Instruction(offset, opcode, arg, extraByte, size);
        }
    }

    private Pass pass;
    private Scope scope;
    private boolean suppress;
    private int stackSize;
    private int size;
    private int[] labelOffsets = new int[0];
    private boolean overflow;
    private final List<Laid> laid = new ArrayList<>();
    private final List<Step> tape = new ArrayList<>();
    /** Whether this pass keeps its instructions (a replay sizes only, until it is known to be the last). */
    private boolean keep;

    /** Where the line table hears of a source line while a pass is replayed. */
    interface LineSink {
        void sourceLine(int line, int offset);
    }

    /** What the EMIT pass laid out, in order: all that {@link #replay} needs to lay it out again. */
    private interface Step {
        void replay(OpcodeWriter w, LineSink lines);
    }

    /** An instruction whose size does not depend on offsets. */
    private record Op(Opcode opcode, long arg, int extraByte, int size) implements Step {
        @Override
        public void replay(OpcodeWriter w, LineSink lines) {
            if (w.keep) {
                w.laid.add(new Laid(w.size, opcode, arg, extraByte, size));
            }
            w.size += size;
        }
    }

    /** A jump to a label, sized anew in every pass. */
    private record Jump(Opcode opcode, int label, int extraByte) implements Step {
        @Override
        public void replay(OpcodeWriter w, LineSink lines) {
            w.jump(opcode, label, extraByte);
        }
    }

    private record Label(int label) implements Step {
        @Override
        public void replay(OpcodeWriter w, LineSink lines) {
            w.labelOffsets[label] = w.size;
        }
    }

    private record Line(int line) implements Step {
        @Override
        public void replay(OpcodeWriter w, LineSink lines) {
            lines.sourceLine(line, w.size);
        }
    }

    void setMaxLabels(int n) {
        labelOffsets = new int[n];
    }

    void startPass(Pass p, Scope s) {
        pass = p;
        scope = s;
        suppress = false;
        stackSize = 0;
        overflow = false;
        size = 0;
        laid.clear();
        tape.clear();
        keep = true;
    }

    /** The steps {@link #replay} takes. */
    int tapeSize() {
        return tape.size();
    }

    /**
     * Another EMIT pass over the tape of the last one: the label offsets of that pass for
     * forward jumps, this pass's for backward ones, as compiling the scope again would give.
     *
     * @param keepInstructions whether to keep the instructions (for the last pass)
     */
    void replay(LineSink lines, boolean keepInstructions) {
        size = 0;
        overflow = false;
        laid.clear();
        keep = keepInstructions;
        for (Step step : tape) {
            step.replay(this, lines);
        }
    }

    /**
     * The tape of the EMIT pass as {@link JumpRelaxation} sees it: the jumps and the labels, at
     * their offsets if every jump were small. Null when a label is assigned twice (the model
     * takes each label to have one place).
     */
    JumpRelaxation relaxation() {
        int jumps = 0;
        for (Step step : tape) {
            if (step instanceof Jump) {
                jumps++;
            }
        }
        int[] fixedPos = new int[jumps];
        int[] target = new int[jumps];
        boolean[] signed = new boolean[jumps];
        boolean[] large = new boolean[jumps];
        int[] labelFixedPos = new int[labelOffsets.length];
        int[] labelJumpsBefore = new int[labelOffsets.length];
        Arrays.fill(labelFixedPos, -1);
        int fixed = 0;
        int j = 0;
        int op = 0;
        for (Step step : tape) {
            if (step instanceof Op o) {
                fixed += o.size();
                op++;
            } else if (step instanceof Jump jump) {
                int extra = jump.extraByte() >= 0 ? 1 : 0;
                fixedPos[j] = fixed;
                target[j] = jump.label();
                signed[j] = jump.opcode().hasSignedOffset();
                large[j] = laid.get(op).size() - extra == 3;
                fixed += 2 + extra;
                j++;
                op++;
            } else if (step instanceof Label label) {
                if (labelFixedPos[label.label()] >= 0) {
                    return null;
                }
                labelFixedPos[label.label()] = fixed;
                labelJumpsBefore[label.label()] = j;
            }
        }
        if (op != laid.size()) {
            return null;
        }
        return new JumpRelaxation(fixedPos, target, signed, large, labelFixedPos, labelJumpsBefore, labelOffsets);
    }

    /** The label offsets, to replay a pass again from where it started. */
    int[] labelOffsets() {
        return labelOffsets.clone();
    }

    void restoreLabelOffsets(int[] offsets) {
        System.arraycopy(offsets, 0, labelOffsets, 0, offsets.length);
    }

    /** The source line the emitter is at, from here on (only the EMIT pass keeps it, for a replay). */
    void sourceLine(int line) {
        if (pass == Pass.EMIT) {
            tape.add(new Line(line));
        }
    }

    /** The bytes laid out so far this pass. */
    int size() {
        return size;
    }

    /** Whether a jump did not fit in 15 bits in this EMIT pass. */
    boolean overflowed() {
        return overflow;
    }

    /** The instructions of the EMIT pass. */
    List<Instruction> instructions() {
        List<Instruction> out = new ArrayList<>(laid.size());
        for (Laid l : laid) {
            out.add(l.instruction());
        }
        return out;
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
        scope.reachStackSize(stackSize);
    }

    void labelAssign(int label) {
        suppress = false;
        if (pass == Pass.SCOPE) {
            return;
        }
        labelOffsets[label] = size;
        if (pass == Pass.EMIT) {
            tape.add(new Label(label));
        }
    }

    private void lay(Opcode opcode, long arg, int bytes) {
        if (pass == Pass.EMIT) {
            laid.add(new Laid(size, opcode, arg, -1, bytes));
            tape.add(new Op(opcode, arg, -1, bytes));
        }
        size += bytes;
    }

    /** An opcode without an operand. */
    void op(int stackAdj, Opcode opcode) {
        op(stackAdj, opcode, 0);
    }

    /** An opcode of a *_MULTI family, its argument in the opcode byte. */
    void op(int stackAdj, Opcode opcode, long familyArg) {
        adjustStackSize(stackAdj);
        if (!suppress) {
            lay(opcode, familyArg, 1);
        }
    }

    /** An opcode and an unsigned var-int (a count, a qstr or constant index). */
    void opUint(int stackAdj, Opcode opcode, long value) {
        adjustStackSize(stackAdj);
        if (!suppress) {
            lay(opcode, value, 1 + Uint.length(value));
        }
    }

    /** emitbc.c emit_write_bytecode_byte_int: a signed var-int whose top bit carries the sign. */
    void opInt(int stackAdj, Opcode opcode, long num) {
        adjustStackSize(stackAdj);
        if (!suppress) {
            lay(opcode, num, 1 + Uint.signedLength(num));
        }
    }

    /** The byte that follows MAKE_CLOSURE's and UNWIND_JUMP's operand. */
    void extraByte(int b) {
        if (!suppress) {
            if (pass == Pass.EMIT) {
                Laid last = laid.remove(laid.size() - 1);
                laid.add(new Laid(last.offset(), last.opcode(), last.arg(), b, last.size() + 1));
                Step step = tape.remove(tape.size() - 1);
                tape.add(step instanceof Jump j ? new Jump(j.opcode(), j.label(), b)
                        : new Op(((Op) step).opcode(), ((Op) step).arg(), b, ((Op) step).size() + 1));
            }
            size++;
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
        if (pass == Pass.EMIT) {
            tape.add(new Jump(opcode, label, -1));
        }
        jump(opcode, label, -1);
    }

    /** Lays out a jump (and the byte after it, when it has one) at the current size. */
    private void jump(Opcode opcode, int label, int extraByte) {
        boolean signed = opcode.hasSignedOffset();
        boolean large = true;
        int offset = 0;
        if (pass.compareTo(Pass.CODE_SIZE) >= 0) {
            offset = labelOffsets[label] - size - 2;
            if ((signed && -64 <= offset && offset <= 63) || (!signed && offset >= 0 && offset <= 127)) {
                large = false;
            }
            if (large) {
                offset -= 1;
            }
        }
        if (large && pass == Pass.EMIT) {
            int stored = signed ? offset + 0x4000 : offset;
            if (!(0 <= stored && stored <= 0x7fff)) {
                overflow = true;
            }
        }
        int bytes = (large ? 3 : 2) + (extraByte >= 0 ? 1 : 0);
        if (pass == Pass.EMIT && keep) {
            laid.add(new Laid(size, opcode, offset, extraByte, bytes));
        }
        size += bytes;
    }
}
