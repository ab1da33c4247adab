package freezer.image.frozenc;

import freezer.image.manifest.MpyToolOptions;
import freezer.image.qstr.FirmwareQstrs;
import java.util.List;

/**
 * Everything one frozen_content.c is made from.
 *
 * @param strs the modules kept as source text, in manifest order
 * @param modules the modules frozen as bytecode or machine code, in manifest order
 * @param firmware the firmware's qstrs and qstr settings (its header)
 * @param options mpy-tool.py's target settings
 * @param singlePrecision whether the target's mp_float_t is a C float (for warnings only)
 */
public record FreezeInput(List<FrozenStr> strs, List<FrozenMpy> modules, FirmwareQstrs firmware,
        MpyToolOptions options, boolean singlePrecision) {
    public FreezeInput {
        strs = List.copyOf(strs);
        modules = List.copyOf(modules);
    }
}
