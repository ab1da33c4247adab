package freezer.reports.advise;

import freezer.core.qstr.BuiltinQstrs;
import freezer.image.layout.Target;
import freezer.image.qstr.FirmwareQstrs;
import freezer.image.qstr.QstrConfig;
import freezer.image.qstr.QstrEscape;

/**
 * The firmware the advice is for: its target preset (the word size decides every object's
 * size) and, when its qstr header is given, the qstrs it already has and how it stores them.
 * Without a header, the qstrs MicroPython's core has (those mpy-cross is built with) stand in,
 * with a 2-byte hash and a 1-byte length, as both golden firmwares have.
 *
 * @param qstrs the firmware's qstr header, read; null when none was given
 */
public record Firmware(Target target, FirmwareQstrs qstrs) {
    private static final QstrConfig DEFAULT_QSTR_CONFIG = new QstrConfig(1, 2);

    public static Firmware of(Target target) {
        return new Firmware(target, null);
    }

    public int wordBytes() {
        return target.wordSize();
    }

    /** py/mpconfig.h MICROPY_BYTES_PER_GC_BLOCK: the heap hands out blocks of four words. */
    public int gcBlockBytes() {
        return 4 * target.wordSize();
    }

    public QstrConfig qstrConfig() {
        return qstrs == null ? DEFAULT_QSTR_CONFIG : qstrs.config();
    }

    /** Whether the firmware already has this qstr (a byte string), so a module adds nothing for it. */
    public boolean hasQstr(String byteString) {
        return qstrs == null ? BuiltinQstrs.get().contains(byteString) : qstrs.has(QstrEscape.identifier(byteString));
    }

    /** Where the known qstrs come from, for reports. */
    public String qstrSource() {
        return qstrs == null ? "MicroPython's core (no qstr header given)" : "the firmware's qstr header";
    }
}
