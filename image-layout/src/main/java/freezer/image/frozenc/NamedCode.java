package freezer.image.frozenc;

import freezer.core.mpy.RawCode;
import java.util.List;

/**
 * A function of a module with the names mpy-tool.py gives it while reading: its C name and its
 * simple name (a byte string; the module's source name for viper and asm code).
 */
record NamedCode(RawCode code, String cName, String simpleName, List<NamedCode> children) {
}
