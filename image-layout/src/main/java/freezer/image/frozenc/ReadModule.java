package freezer.image.frozenc;

import freezer.core.NativeArch;
import freezer.core.mpy.ConstObject;
import java.util.List;

/**
 * A module as mpy-tool.py holds it after reading: the module's C name (its source name with
 * {@code /} as {@code _}, less the last three characters), its functions named, its native
 * architecture.
 */
record ReadModule(FrozenMpy input, String cName, String sourceName, NamedCode root, NativeArch arch) {

    List<String> qstrs() {
        return input.module().qstrs();
    }

    List<ConstObject> constants() {
        return input.module().constants();
    }
}
