package freezer.image.manifest;

/** How a manifest entry is frozen (tools/manifestfile.py's KIND_* in freeze mode). */
public enum FreezeKind {
    /** A .py source compiled to bytecode at freeze time ({@code module}, {@code package}, {@code freeze}, {@code freeze_as_mpy}). */
    COMPILE,
    /** A prebuilt .mpy frozen as it is ({@code freeze} of a .mpy, {@code freeze_mpy}). */
    MPY,
    /** A .py kept as source text ({@code freeze_as_str}). */
    STR
}
