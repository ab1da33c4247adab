package freezer.core.emit.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.emit.EmitException;
import org.junit.jupiter.api.Test;

/** The passes, labels, alignment and data of py/asmbase.c, on a toy instruction set. */
class AsmBaseTest {
    /** One-byte instructions, and a branch whose size depends on what the pass knows. */
    private static final class Toy extends AsmBase {
        Toy() {
            super(4);
        }

        void op(int b) {
            emit8(b);
        }

        /** 2 bytes backwards, 5 forwards (like x64's jumps). */
        void branch(int label) {
            int dest = labelOffset(label);
            int rel = dest - codeOffset();
            if (dest != UNKNOWN && rel <= 0) {
                emit16(0xeb00 | rel & 0xff);
            } else {
                emit8(0xe9);
                emit32(rel);
            }
        }
    }

    private static byte[] assemble(Toy t, Runnable body) {
        t.startPass(AsmBase.Pass.COMPUTE);
        body.run();
        t.startPass(AsmBase.Pass.EMIT);
        body.run();
        return t.code();
    }

    @Test
    void computePassSizesTheEmitPassAndLabelsAreKnownThere() {
        Toy t = new Toy();
        byte[] code = assemble(t, () -> {
            t.branch(1);
            t.labelAssign(0);
            t.op(0x90);
            t.labelAssign(1);
            t.branch(0);
        });
        assertThat(code).containsExactly(0xe9, 6, 0, 0, 0, 0x90, 0xff, 0xeb);
    }

    @Test
    void suppressedCodeTakesNoRoomUntilTheNextLabel() {
        Toy t = new Toy();
        byte[] code = assemble(t, () -> {
            t.op(1);
            t.suppressCode();
            t.op(2);
            t.labelAssign(0);
            t.op(3);
        });
        assertThat(code).containsExactly(1, 3);
    }

    @Test
    void alignAndDataAreUpstreams() {
        Toy t = new Toy();
        byte[] code = assemble(t, () -> {
            t.op(1);
            t.align(4);
            t.data(2, 0x1234);
            t.data(1, 0x1ff);
        });
        assertThat(code).containsExactly(1, 0, 0, 0, 0x34, 0x12, 0xff);
        // align(0): upstream's arithmetic puts the position back to 0
        t.startPass(AsmBase.Pass.COMPUTE);
        t.op(1);
        t.align(0);
        assertThat(t.codeOffset()).isZero();
    }

    @Test
    void whereUpstreamAssertsItIsAnAbort() {
        Toy longer = new Toy();
        longer.startPass(AsmBase.Pass.COMPUTE);
        longer.op(1);
        longer.startPass(AsmBase.Pass.EMIT);
        longer.op(1);
        assertThatThrownBy(() -> longer.op(2)).isInstanceOf(EmitException.class)
                .matches(e -> ((EmitException) e).isAbort());

        Toy moved = new Toy();
        moved.startPass(AsmBase.Pass.COMPUTE);
        moved.labelAssign(0);
        moved.op(1);
        moved.startPass(AsmBase.Pass.EMIT);
        moved.op(1);
        assertThatThrownBy(() -> moved.labelAssign(0)).isInstanceOf(EmitException.class);

        Toy twice = new Toy();
        twice.startPass(AsmBase.Pass.COMPUTE);
        twice.labelAssign(2);
        assertThatThrownBy(() -> twice.labelAssign(2)).isInstanceOf(EmitException.class);
    }
}
