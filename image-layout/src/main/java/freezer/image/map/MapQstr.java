package freezer.image.map;

/**
 * One new qstr.
 *
 * @param text the string
 * @param identifier its {@code MP_QSTR_} identifier
 * @param length its length in UTF-8 bytes
 * @param bytes what it costs on the target: its hash and length entries, its pointer in the pool
 *     and its text with the NUL (a text another literal already holds costs nothing here)
 * @param module the frozen name of the first module that needs it
 */
public record MapQstr(String text, String identifier, int length, long bytes, String module) {
}
