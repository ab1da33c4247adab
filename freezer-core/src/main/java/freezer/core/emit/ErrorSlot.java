package freezer.core.emit;

import freezer.core.ErrorType;

/**
 * Where an emitter records an error that the compile goes on after (compile.c's compile_error,
 * which emitnative.c and the inline assemblers write through their error_slot). A later error
 * replaces an earlier one, as upstream's does: the last viper type error of a function is the
 * one reported. The line is the compiler's business.
 */
public interface ErrorSlot {
    void set(ErrorType type, String message);
}
