package freezer.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.ErrorType;
import freezer.core.MpyCompiler;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A function's prelude names its cells by local slot, one byte each. Cells come after the other
 * locals, so a closure over a function of 256 locals has nowhere to go: mpy-cross fails an
 * assertion (exit 134, nothing written), freezer rejects the function at its line.
 */
class CellLimitTest {
    /** A function of {@code locals} plain locals, then one more that a closure uses. */
    private static byte[] program(int locals) {
        StringBuilder sb = new StringBuilder("x = 1\ndef outer():\n");
        for (int i = 0; i < locals; i++) {
            sb.append("    v").append(i).append(" = ").append(i).append('\n');
        }
        sb.append("    shared = 0\n    return lambda: shared\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCellInSlot255Compiles() {
        assertThat(MpyCompiler.compileToMpy(program(255), "cells.py", CompileOptions.DEFAULT)).isNotEmpty();
    }

    @Test
    void aCellInSlot256IsRejectedAtItsFunction() {
        assertThatThrownBy(() -> MpyCompiler.compileToMpy(program(256), "cells.py", CompileOptions.DEFAULT))
                .isInstanceOfSatisfying(CompileError.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.NotImplementedError);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("'shared'", "local slot 256");
                });
    }
}
