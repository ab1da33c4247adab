package freezer.reports.advise;

/**
 * What an identifier in the source does where it stands. Every identifier of the parse tree gets
 * one, including those that are not variables (attribute and keyword names), so that the
 * identifiers the walker sees line up one to one with the NAME tokens of the source.
 */
public enum NameRole {
    /** A variable's value is read. */
    READ(false),
    /** Assigned: {@code =}, a for or comprehension target, {@code with ... as}, {@code except ... as}, {@code :=}. */
    STORE(true),
    /** {@code x += 1}: read and assigned. */
    AUG_STORE(true),
    DELETE(true),
    /** A parameter of a function or lambda. */
    PARAM(true),
    /** The name a {@code def} binds. */
    DEF(true),
    /** The name a {@code class} binds. */
    CLASS(true),
    /** The name an import binds. */
    IMPORT(true),
    /** A part of a module path in an import ({@code a.b} in {@code import a.b as c}); binds nothing. */
    IMPORT_PATH(false),
    /** The name taken from a module in {@code from m import x as y}: {@code x}; binds nothing. */
    IMPORT_SOURCE(false),
    GLOBAL_DECL(false),
    NONLOCAL_DECL(false),
    /** An attribute name after a dot: {@code obj.name}. */
    ATTRIBUTE(false),
    /** A keyword argument's name: {@code f(name=1)}. */
    KEYWORD(false),
    /** A name inside an annotation, which MicroPython's compiler does not evaluate. */
    ANNOTATION(false);

    private final boolean binds;

    NameRole(boolean binds) {
        this.binds = binds;
    }

    /** Whether this use binds the name in its scope (makes it local there). */
    public boolean binds() {
        return binds;
    }

    /** Whether this is a variable at all (not an attribute, keyword, annotation or import path). */
    public boolean isVariable() {
        return this != ATTRIBUTE && this != KEYWORD && this != ANNOTATION && this != IMPORT_PATH
                && this != IMPORT_SOURCE;
    }
}
