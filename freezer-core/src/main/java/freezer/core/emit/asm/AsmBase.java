package freezer.core.emit.asm;

import freezer.core.emit.EmitException;
import java.util.Arrays;

/**
 * What every assembler shares (py/asmbase.c): the passes, the code buffer, labels, alignment
 * and raw data.
 *
 * <p>An assembler runs its instructions once per {@link Pass}. COMPUTE passes only count bytes
 * and record where labels fall (a label read before it is assigned in a COMPUTE pass is
 * {@link #UNKNOWN}, so forward branches take their long form); the EMIT pass writes the bytes
 * into a buffer sized by the pass before it, with every label offset known. Code between an
 * unconditional jump and the next label is dropped ({@link #suppressCode}).
 *
 * <p>Subclasses write only through {@link #emit8}, {@link #emit16}, {@link #emit32} and
 * {@link #emit64} (little-endian), so suppression, counting and the buffer are handled here.
 * Where upstream's assertions would fail (the EMIT pass writes more than the COMPUTE pass
 * counted, or a label moves between passes) this throws {@link EmitException#abort}.
 */
public abstract class AsmBase {
    /** asmbase.h MP_ASM_PASS_*. */
    public enum Pass {
        COMPUTE, EMIT
    }

    /** A label offset not known in this pass. */
    public static final int UNKNOWN = -1;

    private final int[] labelOffsets;
    private Pass pass = Pass.COMPUTE;
    private boolean suppress;
    private int codeOffset;
    private int codeSize;
    private byte[] code = new byte[0];

    protected AsmBase(int maxLabels) {
        labelOffsets = new int[maxLabels];
        Arrays.fill(labelOffsets, UNKNOWN);
    }

    /** Starts a pass: a COMPUTE pass forgets the labels; the EMIT pass sizes the buffer. */
    public void startPass(Pass p) {
        if (p == Pass.COMPUTE) {
            Arrays.fill(labelOffsets, UNKNOWN);
        } else {
            codeSize = codeOffset;
            code = new byte[codeSize];
        }
        pass = p;
        suppress = false;
        codeOffset = 0;
    }

    public Pass pass() {
        return pass;
    }

    /** The position the next byte goes to. */
    public int codeOffset() {
        return codeOffset;
    }

    /** The machine code of the EMIT pass, as long as the COMPUTE pass before it counted. */
    public byte[] code() {
        return code.clone();
    }

    /** Drops the code that follows until the next label (it cannot be reached). */
    public void suppressCode() {
        suppress = true;
    }

    /** Where a label is, or {@link #UNKNOWN}. */
    public int labelOffset(int label) {
        return labelOffsets[label];
    }

    /** The number of labels the function may use. */
    public int maxLabels() {
        return labelOffsets.length;
    }

    /** mp_asm_base_label_assign: a label here; it also ends a dropped region. */
    public void labelAssign(int label) {
        suppress = false;
        if (pass == Pass.COMPUTE) {
            if (labelOffsets[label] != UNKNOWN) {
                throw EmitException.abort("label assigned twice");
            }
            labelOffsets[label] = codeOffset;
        } else if (labelOffsets[label] != codeOffset) {
            throw EmitException.abort("a label that moved between the assembler's passes");
        }
    }

    /**
     * mp_asm_base_align: rounds the position up to a multiple of {@code align} (a power of two;
     * the skipped bytes are zero). Upstream's arithmetic is kept for any value: 0 moves the
     * position back to 0.
     */
    public void align(int align) {
        codeOffset = (codeOffset + align - 1) & ~(align - 1);
    }

    /** mp_asm_base_data: {@code byteSize} bytes of {@code value}, least significant first. */
    public void data(int byteSize, long value) {
        for (int i = 0; i < byteSize; i++) {
            emit8((int) value);
            value >>>= 8;
        }
    }

    /**
     * mp_asm_base_get_cur_to_write_bytes: makes room for {@code n} bytes at the position and
     * returns where to write them, or -1 when nothing is written (a COMPUTE pass or dropped code).
     */
    private int reserve(int n) {
        if (suppress) {
            return -1;
        }
        int at = -1;
        if (pass == Pass.EMIT) {
            if (codeOffset + n > codeSize) {
                throw EmitException.abort("machine code longer in the assembler's last pass than it counted");
            }
            at = codeOffset;
        }
        codeOffset += n;
        return at;
    }

    /**
     * Keeps two bytes at the position to be written later by {@link #patch16} (a branch whose
     * distance depends on the code that follows it); returns where they are, or -1 when nothing
     * is written.
     */
    protected final int reserve16() {
        return reserve(2);
    }

    /** Writes a halfword kept by {@link #reserve16}; does nothing for -1. */
    protected final void patch16(int at, int v) {
        if (at >= 0) {
            code[at] = (byte) v;
            code[at + 1] = (byte) (v >> 8);
        }
    }

    protected final void emit8(int b) {
        int at = reserve(1);
        if (at >= 0) {
            code[at] = (byte) b;
        }
    }

    protected final void emit16(int v) {
        int at = reserve(2);
        if (at >= 0) {
            code[at] = (byte) v;
            code[at + 1] = (byte) (v >> 8);
        }
    }

    protected final void emit32(int v) {
        int at = reserve(4);
        if (at >= 0) {
            for (int i = 0; i < 4; i++) {
                code[at + i] = (byte) (v >> (8 * i));
            }
        }
    }

    protected final void emit64(long v) {
        int at = reserve(8);
        if (at >= 0) {
            for (int i = 0; i < 8; i++) {
                code[at + i] = (byte) (v >> (8 * i));
            }
        }
    }

    /** Writes raw bytes (an encoded prelude, for instance). */
    public void emitBytes(byte[] bytes) {
        for (byte b : bytes) {
            emit8(b);
        }
    }
}
