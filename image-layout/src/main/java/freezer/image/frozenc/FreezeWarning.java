package freezer.image.frozenc;

/**
 * What upstream freezes without a word although it is broken or likely a mistake (freezer writes
 * the same bytes and says so; {@code --strict} makes it an error).
 *
 * @param module the module at fault (its frozen name), or null when it is not one module's
 * @param kind the fault
 * @param message what is wrong and what it does to the firmware
 */
public record FreezeWarning(String module, Kind kind, String message) {

    /** The faults. */
    public enum Kind {
        /** A float infinity or NaN printed as {@code (mp_float_t)inf} or {@code nan}: no C compiler takes it. */
        FLOAT_NOT_FINITE,
        /** A double that the firmware's single-precision float turns into zero. */
        FLOAT_SINGLE_PRECISION,
        /** An empty text-frozen file: its size 0 ends the size list early. */
        EMPTY_STR_MODULE,
        /** Two modules with one C name, or a module name that is not a C identifier. */
        MODULE_C_NAME,
        /** Two qstrs with one identifier: the module sees the other string. */
        QSTR_IDENTIFIER,
        /** An int a C long long cannot hold, with {@code -mlongint-impl longlong}. */
        LONGLONG_RANGE,
        /** A prebuilt .mpy with bytes after its module (often a bad copy): they are not frozen. */
        MPY_TRAILING_BYTES
    }

    /** The text the CLI prints. */
    public String text() {
        return (module == null ? "" : module + ": ") + message;
    }
}
