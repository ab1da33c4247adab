package freezer.core.mpy;

/**
 * A function of machine code (MP_CODE_NATIVE_PY, _VIPER, _ASM): the bytes the loader copies
 * into executable memory, and what each kind adds around them in the .mpy.
 */
public sealed interface NativeCode extends RawCode permits NativePyFunction, ViperFunction, AsmFunction {
    /** The machine code (a copy). */
    byte[] machineCode();
}
