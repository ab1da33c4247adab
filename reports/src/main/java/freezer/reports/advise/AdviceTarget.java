package freezer.reports.advise;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The facts about a firmware that the advisor's estimates depend on. The two targets are the
 * golden firmwares (../shared/golden/firmware/README.md): the unix port on x86-64 and the qemu
 * port's Cortex-M3 board. Both have 1-byte qstr lengths and 2-byte qstr hashes.
 *
 * <p>A stand-in until the freeze command's target presets (package {@code freezer.image.layout})
 * land; the advisor needs only the word size and the qstr field widths from them.
 */
public enum AdviceTarget {
    UNIX_X64("unix-x64", 8, 2, 1),
    QEMU_ARMV7M("qemu-armv7m", 4, 2, 1);

    private final String presetName;
    private final int wordBytes;
    private final int qstrHashBytes;
    private final int qstrLenBytes;

    AdviceTarget(String presetName, int wordBytes, int qstrHashBytes, int qstrLenBytes) {
        this.presetName = presetName;
        this.wordBytes = wordBytes;
        this.qstrHashBytes = qstrHashBytes;
        this.qstrLenBytes = qstrLenBytes;
    }

    /** The name {@code --target} takes. */
    public String presetName() {
        return presetName;
    }

    /** Bytes in a machine word: a pointer, an {@code mp_obj_t}. */
    public int wordBytes() {
        return wordBytes;
    }

    /** py/mpconfig.h MICROPY_BYTES_PER_GC_BLOCK: the heap hands out blocks of four words. */
    public int gcBlockBytes() {
        return 4 * wordBytes;
    }

    public int qstrHashBytes() {
        return qstrHashBytes;
    }

    public int qstrLenBytes() {
        return qstrLenBytes;
    }

    public static Optional<AdviceTarget> named(String name) {
        return Arrays.stream(values()).filter(t -> t.presetName.equals(name)).findFirst();
    }

    /** The names, for help and error messages. */
    public static String names() {
        return Arrays.stream(values()).map(AdviceTarget::presetName).collect(Collectors.joining(", "));
    }
}
