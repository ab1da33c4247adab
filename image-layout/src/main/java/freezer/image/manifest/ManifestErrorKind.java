package freezer.image.manifest;

/** What is wrong with a manifest; the CLI names it, tests check it. */
public enum ManifestErrorKind {
    /** The manifest is not valid Python (freezer's parser rejects it). */
    SYNTAX,
    /** A file the manifest names does not exist (upstream: "Cannot stat ..."), or an included manifest is missing. */
    MISSING_FILE,
    /** A folder the manifest walks does not exist. */
    MISSING_FOLDER,
    /** {@code require()} found no package of that name in any library. */
    UNKNOWN_PACKAGE,
    /** {@code require(library=)} names a library no {@code add_library()} registered. */
    UNKNOWN_LIBRARY,
    /** A name that is not part of the manifest API nor assigned by the manifest. */
    UNKNOWN_NAME,
    /** A call with an argument the function does not take, too many, or a required one missing. */
    UNKNOWN_ARGUMENT,
    /** An argument of the wrong type or value (a module that is not a .py file, a path that is not a str). */
    BAD_ARGUMENT,
    /** A {@code $(NAME)} path variable that was not given ({@code -v NAME=VALUE}). */
    UNDEFINED_VARIABLE,
    /** Python that freezer does not evaluate in manifests (it never executes manifest code). */
    UNSUPPORTED,
    /** An operation on values of the wrong types ({@code None >= 2}), as Python's TypeError. */
    TYPE_ERROR,
    /** A second {@code metadata()} with arguments for the same package. */
    DUPLICATE_METADATA,
    /** A manifest or folder that exists but cannot be read. */
    UNREADABLE,
    /** A JSON manifest that does not follow its schema. */
    BAD_JSON
}
