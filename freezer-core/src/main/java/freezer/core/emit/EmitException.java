package freezer.core.emit;

import freezer.core.ErrorType;

/**
 * An input the emitters give up on in the middle of emitting, in one of two ways:
 *
 * <ul>
 *   <li>{@link #raised}: mpy-cross raises at once from inside the emitter (emitnative.c's
 *       {@code mp_raise_NotImplementedError}, an assembler's range check after the function is
 *       emitted), and reports the error without a line;
 *   <li>{@link #abort}: mpy-cross dies on a failed assertion (exit 134, nothing written);
 *       freezer rejects the program instead, at the line of the construct being compiled.
 * </ul>
 *
 * The compiler turns either into a {@link freezer.core.CompileError}.
 */
public final class EmitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorType type;
    private final boolean abort;
    private final boolean atScope;

    private EmitException(ErrorType type, String message, boolean abort, boolean atScope) {
        super(message, null, false, false);
        this.type = type;
        this.abort = abort;
        this.atScope = atScope;
    }

    /** An error mpy-cross raises from inside the emitter, reported without a line. */
    public static EmitException raised(ErrorType type, String message) {
        return new EmitException(type, message, false, false);
    }

    /**
     * A construct that makes mpy-cross fail an assertion; freezer reports it as a
     * NotImplementedError naming the construct.
     */
    public static EmitException abort(String construct) {
        return new EmitException(ErrorType.NotImplementedError, construct, true, false);
    }

    /** As {@link #abort}, for a construct that is the scope itself (a class body): its line is the scope's. */
    public static EmitException abortAtScope(String construct) {
        return new EmitException(ErrorType.NotImplementedError, construct, true, true);
    }

    public ErrorType type() {
        return type;
    }

    /** Whether mpy-cross would have crashed here (the error then takes the construct's line). */
    public boolean isAbort() {
        return abort;
    }

    /** Whether the error belongs at the start of the scope being emitted rather than at the last node compiled. */
    public boolean atScope() {
        return atScope;
    }
}
