package freezer.core;

/**
 * What mpy-cross's options set for one compile.
 *
 * @param sourceName the name embedded in the .mpy and used by compiler errors ({@code -s}); null
 *     means the input path as given
 * @param optimisationLevel {@code -O<N>}: 0 keeps everything, 1 drops asserts and sets
 *     {@code __debug__} false, 3 also drops line numbers
 * @param smallIntBits {@code -msmall-int-bits}: the width of ints stored inline in bytecode
 * @param arch {@code -march}: the native target, {@link NativeArch#NONE} when not given
 * @param archFlags {@code -march-flags}, already parsed; 0 when not given
 * @param defaultEmit {@code -X emit=}: how functions without a decorator are emitted
 */
public record CompileOptions(String sourceName, int optimisationLevel, int smallIntBits, NativeArch arch,
        long archFlags, Emit defaultEmit) {

    /** The code emitters {@code -X emit=} selects. */
    public enum Emit {
        BYTECODE, NATIVE, VIPER
    }

    public static final CompileOptions DEFAULT = new CompileOptions(null, 0, 31, NativeArch.NONE, 0, Emit.BYTECODE);

    public CompileOptions withSourceName(String name) {
        return new CompileOptions(name, optimisationLevel, smallIntBits, arch, archFlags, defaultEmit);
    }

    public CompileOptions withOptimisationLevel(int level) {
        return new CompileOptions(sourceName, level, smallIntBits, arch, archFlags, defaultEmit);
    }

    public CompileOptions withSmallIntBits(int bits) {
        return new CompileOptions(sourceName, optimisationLevel, bits, arch, archFlags, defaultEmit);
    }

    public CompileOptions withArch(NativeArch a, long flags) {
        return new CompileOptions(sourceName, optimisationLevel, smallIntBits, a, flags, defaultEmit);
    }

    public CompileOptions withDefaultEmit(Emit e) {
        return new CompileOptions(sourceName, optimisationLevel, smallIntBits, arch, archFlags, e);
    }
}
