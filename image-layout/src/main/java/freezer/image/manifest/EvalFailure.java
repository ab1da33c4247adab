package freezer.image.manifest;

/**
 * A fault found while evaluating a manifest, before its position is known: the interpreter
 * catches it at the innermost node that has a position and turns it into a {@link ManifestError}.
 */
final class EvalFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ManifestErrorKind kind;

    EvalFailure(ManifestErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    ManifestErrorKind kind() {
        return kind;
    }

    static EvalFailure typeError(String message) {
        return new EvalFailure(ManifestErrorKind.TYPE_ERROR, message);
    }

    static EvalFailure unsupported(String message) {
        return new EvalFailure(ManifestErrorKind.UNSUPPORTED, message);
    }

    static EvalFailure badArgument(String message) {
        return new EvalFailure(ManifestErrorKind.BAD_ARGUMENT, message);
    }
}
