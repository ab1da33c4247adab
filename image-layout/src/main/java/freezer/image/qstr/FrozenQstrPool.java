package freezer.image.qstr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The qstrs frozen code adds to a firmware (mpy-tool.py freeze_mpy): every qstr the modules
 * name, in the order mpy-tool.py met them, less those whose identifier the firmware already
 * has, one per identifier (the first wins), sorted by string, as the pool {@code
 * mp_qstr_frozen_const_pool} that follows the firmware's own.
 */
public final class FrozenQstrPool {
    /** mpy-tool.py: the first pool the VM allocates is twice this, and it may not exceed the count. */
    private static final int MAX_ALLOCATED = 10;

    /**
     * One new qstr.
     *
     * @param identifier its {@code MP_QSTR_} identifier
     * @param bytes the string, as a byte string
     */
    public record Entry(String identifier, String bytes) {
    }

    /**
     * A qstr that lost its identifier to another string: code that uses it will see the winner.
     *
     * @param identifier the shared identifier
     * @param lost the string that lost
     * @param winner the string the identifier stands for
     * @param inFirmware whether the winner is one of the firmware's qstrs
     */
    public record Clash(String identifier, String lost, String winner, boolean inFirmware) {
    }

    private final List<Entry> entries;
    private final List<Clash> clashes;

    private FrozenQstrPool(List<Entry> entries, List<Clash> clashes) {
        this.entries = Collections.unmodifiableList(entries);
        this.clashes = Collections.unmodifiableList(clashes);
    }

    /**
     * Builds the pool.
     *
     * @param metInOrder the byte strings in the order mpy-tool.py added them to its global list
     *     (duplicates allowed)
     * @param firmware what the firmware already has
     */
    public static FrozenQstrPool build(List<String> metInOrder, FirmwareQstrs firmware) {
        Map<String, String> byIdentifier = new LinkedHashMap<>();
        Map<String, Clash> clashes = new LinkedHashMap<>();
        for (String s : metInOrder) {
            String id = QstrEscape.identifier(s);
            String fw = firmware.strings().get(id);
            String winner = fw != null ? fw : byIdentifier.get(id);
            if (winner == null) {
                byIdentifier.put(id, s);
            } else if (!winner.equals(s)) {
                clashes.putIfAbsent(id + "\0" + s, new Clash(id, s, winner, fw != null));
            }
        }
        List<Entry> entries = new ArrayList<>(byIdentifier.size());
        byIdentifier.forEach((id, s) -> entries.add(new Entry(id, s)));
        // byte strings hold one char per UTF-8 byte: their order is code-point order, as Python sorts
        entries.sort((a, b) -> a.bytes().compareTo(b.bytes()));
        return new FrozenQstrPool(entries, new ArrayList<>(clashes.values()));
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The pool's "allocated entries": at most {@value #MAX_ALLOCATED}. */
    public int allocated() {
        return Math.min(entries.size(), MAX_ALLOCATED);
    }

    /** Strings that share an identifier with another and lose it (a warning: upstream loses them silently). */
    public List<Clash> clashes() {
        return clashes;
    }
}
