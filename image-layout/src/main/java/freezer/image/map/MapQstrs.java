package freezer.image.map;

import java.util.List;

/**
 * The qstr pool a frozen image adds to the firmware.
 *
 * @param count how many qstrs are new
 * @param bytes what they cost: the sum of {@link MapQstr#bytes}; the pool's own objects (hashes,
 *     lengths, the pool structure with one pointer per qstr, the texts) are in the map's {@code
 *     shared} items
 * @param firmwareCount how many identifiers the firmware already had (static ones included)
 * @param entries the new qstrs in pool order (sorted by string)
 */
public record MapQstrs(int count, long bytes, int firmwareCount, List<MapQstr> entries) {
    public MapQstrs {
        entries = List.copyOf(entries);
    }
}
