package freezer.core.compile;

/** How a name is bound in a scope (py/scope.h id_info_kind_t). */
public enum IdKind {
    UNDECIDED,
    GLOBAL_IMPLICIT,
    GLOBAL_IMPLICIT_ASSIGNED,
    GLOBAL_EXPLICIT,
    /** Written and only read by this function. */
    LOCAL,
    /** A local of this function that inner functions read or write. */
    CELL,
    /** A cell of an enclosing function. */
    FREE
}
