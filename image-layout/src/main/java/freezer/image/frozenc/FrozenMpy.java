package freezer.image.frozenc;

import freezer.core.mpy.CompiledModule;

/**
 * A module to freeze as bytecode or machine code: what mpy-tool.py reads from one .mpy.
 *
 * @param module the module (compiled at freeze time, or read from a prebuilt .mpy)
 * @param mpySourceFile the .mpy path mpy-tool.py would print ({@code build/frozen_mpy/pkg/mod.mpy}
 *     for a compiled module, the prebuilt file's path otherwise)
 * @param source the file it came from, for messages and the map
 * @param prebuilt whether it was read from a prebuilt .mpy
 * @param moduleLength where the module ends in a prebuilt file
 * @param trailingBytes how many bytes follow the module in a prebuilt file (left out, as MicroPython
 *     and mpy-tool.py leave them out)
 */
public record FrozenMpy(CompiledModule module, String mpySourceFile, String source, boolean prebuilt,
        long moduleLength, long trailingBytes) {

    /** A module compiled at freeze time: nothing follows it. */
    public static FrozenMpy compiled(CompiledModule module, String mpySourceFile, String source) {
        return new FrozenMpy(module, mpySourceFile, source, false, 0, 0);
    }
}
