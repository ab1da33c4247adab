package freezer.core.emit.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.ErrorType;
import freezer.core.emit.EmitException;
import freezer.core.emit.asm.ThumbAssembler.Variant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Sequences of py/asmthumb.c that the golden programs reach rarely or not at all: Thumb-1's
 * constants, far jumps and inverted branches, big frames, the locals limit.
 */
class ThumbAssemblerTest {
    private static byte[] assemble(Variant variant, Consumer<ThumbAssembler> body) {
        ThumbAssembler as = new ThumbAssembler(2, variant);
        as.startPass(AsmBase.Pass.COMPUTE);
        body.accept(as);
        as.startPass(AsmBase.Pass.EMIT);
        body.accept(as);
        return as.code();
    }

    private static int[] bytes(byte[] code) {
        int[] out = new int[code.length];
        for (int i = 0; i < code.length; i++) {
            out[i] = code[i] & 0xff;
        }
        return out;
    }

    @Test
    void thumb1ConstantsAreShiftedBytesSixteenBitStepsOrInlineWords() {
        // 0x1fe: movs r0, #0xff; lsls r0, r0, #1
        assertThat(bytes(assemble(Variant.ARMV6M, as -> as.movRegImm(0, 0x1fe))))
                .containsExactly(0xff, 0x20, 0x40, 0x00);
        // -256: movs r1, #1; lsls r1, r1, #8; negs r1, r1
        assertThat(bytes(assemble(Variant.ARMV6M, as -> as.movRegImm(1, -256))))
                .containsExactly(0x01, 0x21, 0x09, 0x02, 0x49, 0x42);
        // 0x1234: movs r2, #0x12; lsls r2, r2, #8; adds r2, #0x34
        assertThat(bytes(assemble(Variant.ARMV6M, as -> as.movRegImm(2, 0x1234))))
                .containsExactly(0x12, 0x22, 0x12, 0x02, 0x34, 0x32);
        // ldr r3, [pc, #0]; b.n over; .word (a nop first when not word-aligned)
        assertThat(bytes(assemble(Variant.ARMV6M, as -> as.movRegImm(3, 0x12345678))))
                .containsExactly(0x00, 0x4b, 0x01, 0xe0, 0x78, 0x56, 0x34, 0x12);
        assertThat(bytes(assemble(Variant.ARMV6M, as -> {
            as.clrReg(0);
            as.movRegImm(3, 0x12345678);
        }))).containsExactly(0x00, 0x20, 0x00, 0xbf, 0x00, 0x4b, 0x01, 0xe0, 0x78, 0x56, 0x34, 0x12);
    }

    @Test
    void thumb2ConstantsAreMovwAndMovt() {
        assertThat(bytes(assemble(Variant.ARMV7M, as -> as.movRegImm(0, 0x12345678))))
                .containsExactly(0x45, 0xf2, 0x78, 0x60, 0xc1, 0xf2, 0x34, 0x20);
    }

    @Test
    void thumb1FarJumpAddsAnInlineOffsetToPcThroughR1() {
        byte[] code = assemble(Variant.ARMV6M, as -> {
            as.jump(0);
            as.data(4000, 0);
            as.labelAssign(0);
        });
        // ldr r1, [pc, #0]; add pc, r1; .word 4002 (from the add's pc, 6, to 4008)
        assertThat(bytes(code)).startsWith(0x00, 0x49, 0x8f, 0x44, 0xa2, 0x0f, 0x00, 0x00).hasSize(4008);
        // in reach, the same size: b.n and three nops
        byte[] near = assemble(Variant.ARMV6M, as -> {
            as.jump(0);
            as.labelAssign(0);
        });
        assertThat(bytes(near)).containsExactly(0x02, 0xe0, 0x00, 0xbf, 0x00, 0xbf, 0x00, 0xbf);
    }

    @Test
    void thumb1ConditionalBranchSkipsTheJumpOnTheInverseCondition() {
        byte[] code = assemble(Variant.ARMV6M, as -> {
            as.jumpIfRegZero(0, 0, false);
            as.data(3000, 0);
            as.labelAssign(0);
        });
        // cmp r0, #0; bne over the jump; ldr r1, [pc, #0]; add pc, r1; .word 3002
        assertThat(bytes(code)).startsWith(0x00, 0x28, 0x03, 0xd1, 0x00, 0x49, 0x8f, 0x44, 0xba, 0x0b, 0x00, 0x00);
        // Thumb-2 has b<cc>.w
        byte[] wide = assemble(Variant.ARMV7M, as -> {
            as.jumpIfRegZero(0, 0, false);
            as.labelAssign(0);
        });
        assertThat(bytes(wide)).containsExactly(0x00, 0x28, 0x00, 0xf0, 0x00, 0x80);
    }

    @Test
    void bigFramesUseSubWOrStepsOf127Words() {
        // 200 locals: 3 in registers, 198 words on the stack (kept even)
        assertThat(bytes(assemble(Variant.ARMV7M, as -> as.entry(200))))
                .containsExactly(0xfe, 0xb5, 0xad, 0xf2, 0x18, 0x3d);
        assertThat(bytes(assemble(Variant.ARMV6M, as -> as.entry(200))))
                .containsExactly(0xfe, 0xb5, 0xff, 0xb0, 0xc7, 0xb0);
        assertThat(bytes(assemble(Variant.ARMV6M, as -> {
            as.entry(1);
            as.exit();
        }))).containsExactly(0xf2, 0xb5, 0xf2, 0xbd);
    }

    @Test
    void localsBeyond255WordsAreUpstreamsErrorWhenEmitting() {
        ThumbAssembler as = new ThumbAssembler(1, Variant.ARMV7M);
        as.startPass(AsmBase.Pass.COMPUTE);
        as.movLocalReg(256, 0);
        as.startPass(AsmBase.Pass.EMIT);
        assertThatThrownBy(() -> as.movLocalReg(256, 0)).isInstanceOfSatisfying(EmitException.class, e -> {
            assertThat(e.type()).isEqualTo(ErrorType.NotImplementedError);
            assertThat(e.getMessage()).isEqualTo("too many locals for native method");
            assertThat(e.isAbort()).isFalse();
        });
    }

    @Test
    void armv6EntrySwitchesFromArmState() {
        assertThat(bytes(assemble(Variant.ARMV6, as -> as.entry(0)))).hasSize(22)
                .startsWith(0x10, 0x40, 0x2d, 0xe9).endsWith(0xf2, 0xb5);
    }
}
