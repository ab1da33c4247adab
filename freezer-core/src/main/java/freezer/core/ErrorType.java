package freezer.core;

/** The exception type mpy-cross reports for a rejected input; the names are upstream's. */
public enum ErrorType {
    SyntaxError,
    IndentationError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    MemoryError,
    OverflowError,
    /** Viper code whose types do not fit (py/emitnative.c). */
    ViperTypeError
}
