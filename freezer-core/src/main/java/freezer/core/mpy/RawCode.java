package freezer.core.mpy;

/** A function of a module: bytecode, or machine code with what loading it needs. */
public sealed interface RawCode permits BytecodeCode {
}
