package freezer.reports.advise;

/**
 * A qstr the module brings that the firmware does not already have.
 *
 * @param text the string as UTF-8 text
 * @param bytes its pool entry and text: flash when frozen, RAM when the .mpy is loaded at run time
 */
public record ModuleQstr(String text, int line, int column, long bytes) {
}
