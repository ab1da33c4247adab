package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.bytecode.Opcode;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instruction encodings at the edges of their forms (py/emitbc.c, py/bc0.h). */
class InstructionTest {

    @Test
    void jumpsTakeTheShortFormWhenTheyFit() {
        assertThat(Instruction.of(0, Opcode.JUMP, 63, -1).size()).isEqualTo(2);
        assertThat(Instruction.of(0, Opcode.JUMP, 64, -1).size()).isEqualTo(3);
        assertThat(Instruction.of(0, Opcode.JUMP, -64, -1).size()).isEqualTo(2);
        assertThat(Instruction.of(0, Opcode.JUMP, -65, -1).size()).isEqualTo(3);
        assertThat(Instruction.of(0, Opcode.FOR_ITER, 127, -1).size()).isEqualTo(2);
        assertThat(Instruction.of(0, Opcode.FOR_ITER, 128, -1).size()).isEqualTo(3);
        assertThat(Instruction.of(0, Opcode.FOR_ITER, 128, -1).bytes()).containsExactly(0x4b, 0x80, 0x01);
        assertThat(Instruction.of(0, Opcode.JUMP, -1, -1).bytes()).containsExactly(0x42, 0x3f);
        assertThat(new Instruction(0, Opcode.JUMP, 1, -1, 3).bytes()).containsExactly(0x42, 0x80 | 0x01, 0x80);
        assertThatThrownBy(() -> Instruction.of(0, Opcode.FOR_ITER, -1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Instruction.of(0, Opcode.JUMP, 0x4000, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Instruction(0, Opcode.JUMP, 64, -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unwindJumpCountsFromItsOffsetFieldNotItsExtraByte() {
        Instruction i = Instruction.of(10, Opcode.UNWIND_JUMP, 5, 1);
        assertThat(i.bytes()).containsExactly(0x40, 0x45, 0x01);
        assertThat(i.target()).isEqualTo(10 + 2 + 5);
    }

    @Test
    void smallIntsRoundTripThroughTheSignedVarint() {
        long[] values = {0, 1, -1, 63, 64, -64, -65, 8191, -8192, 1L << 40, -(1L << 40), (1L << 62) - 1, -(1L << 62)};
        for (long v : values) {
            Instruction i = Instruction.of(0, Opcode.LOAD_CONST_SMALL_INT, v, -1);
            ByteArrayOutputStream fun = new ByteArrayOutputStream();
            fun.writeBytes(Modules.funData());
            fun.writeBytes(i.bytes());
            fun.write(0x63);
            BytecodeFunction f = BytecodeFunction.decode(fun.toByteArray(), List.of());
            assertThat(f.instructions().get(0)).as("%d", v).isEqualTo(i);
            assertThat(f.funData()).isEqualTo(fun.toByteArray());
        }
        assertThat(Instruction.of(0, Opcode.LOAD_CONST_SMALL_INT, 64, -1).bytes()).containsExactly(0x22, 0x80, 0x40);
        assertThat(Instruction.of(0, Opcode.LOAD_CONST_SMALL_INT, -65, -1).bytes()).containsExactly(0x22, 0xff, 0x3f);
    }

    @Test
    void multiOpcodesCarryTheirValue() {
        assertThat(Instruction.of(0, Opcode.LOAD_CONST_SMALL_INT_MULTI, -16, -1).opcodeByte()).isEqualTo(0x70);
        assertThat(Instruction.of(0, Opcode.LOAD_CONST_SMALL_INT_MULTI, 47, -1).opcodeByte()).isEqualTo(0xaf);
        assertThat(Instruction.of(0, Opcode.BINARY_OP_MULTI, 34, -1).opcodeByte()).isEqualTo(0xf9);
        assertThatThrownBy(() -> Instruction.of(0, Opcode.LOAD_FAST_MULTI, 16, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Disassembler.opcodeName(Instruction.of(0, Opcode.BINARY_OP_MULTI, 27, -1))).isEqualTo("BINARY_OP 27 __add__");
    }

    @Test
    void preludesEncodeAsEmitbcDoes() throws MpyFormatException {
        Prelude[] cases = {new Prelude(1, 0, 0, 0, 0, 0), new Prelude(17, 1, 1, 5, 2, 1), new Prelude(300, 3, 9, 70, 40, 33)};
        for (Prelude p : cases) {
            byte[] b = p.bytes();
            assertThat(Prelude.read(new ByteInput(b))).isEqualTo(p);
        }
        assertThat(new Prelude(1, 0, 0, 0, 0, 0).bytes()).containsExactly(0x00);
        // a redundant extension byte is refused
        assertThatThrownBy(() -> Prelude.read(new ByteInput(new byte[] {(byte) 0x80, 0x00})))
                .isInstanceOf(MpyFormatException.class).hasMessageContaining("shortest form");
    }
}
