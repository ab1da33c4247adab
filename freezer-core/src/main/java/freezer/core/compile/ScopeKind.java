package freezer.core.compile;

/** The kinds of scope, in py/scope.h's order (ranges of it are tested below). */
public enum ScopeKind {
    MODULE("<module>"),
    CLASS(null),
    LAMBDA("<lambda>"),
    LIST_COMP("<listcomp>"),
    DICT_COMP("<dictcomp>"),
    SET_COMP("<setcomp>"),
    GEN_EXPR("<genexpr>"),
    FUNCTION(null);

    private final String simpleName;

    ScopeKind(String simpleName) {
        this.simpleName = simpleName;
    }

    /** The name of an anonymous scope (functions and classes carry their own). */
    String simpleName() {
        return simpleName;
    }

    /** Lambdas, comprehensions and functions: scopes whose names are fast locals. */
    public boolean isFunctionLike() {
        return compareTo(LAMBDA) >= 0;
    }

    public boolean isComprehensionLike() {
        return compareTo(LIST_COMP) >= 0 && compareTo(GEN_EXPR) <= 0;
    }
}
