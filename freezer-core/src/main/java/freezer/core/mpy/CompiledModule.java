package freezer.core.mpy;

import java.util.List;

/**
 * What a .mpy holds: the header, the module's qstr table (byte strings; entry 0 is the source
 * name), its constant-object table, and the module's top-level function with its children.
 */
public record CompiledModule(MpyHeader header, List<String> qstrs, List<ConstObject> constants, RawCode root) {
    public CompiledModule {
        qstrs = List.copyOf(qstrs);
        constants = List.copyOf(constants);
    }
}
