package freezer.core.mpy;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Small hand-made modules for tests. */
final class Modules {
    private Modules() {
    }

    /** fun_data of a function with no arguments: prelude (n_state 1), simple name qstr 1, then the code. */
    static byte[] funData(int... code) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x00);
        b.write(0x02);
        b.write(0x01);
        for (int c : code) {
            b.write(c);
        }
        return b.toByteArray();
    }

    /** A module whose code is the given instructions (LOAD_CONST_NONE, RETURN_VALUE when none). */
    static CompiledModule tiny(List<ConstObject> constants, int... code) {
        byte[] fun = code.length == 0 ? funData(0x51, 0x63) : funData(code);
        return new CompiledModule(MpyHeader.bytecode(31, 0), List.of("t.py", "<module>"), constants,
                BytecodeFunction.decode(fun, List.of()));
    }

    static byte[] tinyBytes(int... code) {
        return MpyWriter.write(tiny(List.of(), code));
    }
}
