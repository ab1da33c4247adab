package freezer.core.mpy;

import java.util.List;

/**
 * A function of a module: bytecode ({@link BytecodeFunction}), or machine code with what
 * loading it needs ({@link NativeCode}: native, viper and inline-assembler functions).
 * Children are the functions it creates, in the order its code numbers them.
 */
public sealed interface RawCode permits BytecodeFunction, NativeCode {

    CodeKind kind();

    List<RawCode> children();
}
