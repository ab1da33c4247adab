package freezer.image.map;

import java.util.List;

/**
 * The qstrs a frozen module uses.
 *
 * @param added the new qstrs this module is the first to need (their text); the pool bytes they
 *     cost are in {@code addedBytes}
 * @param addedBytes what {@code added} costs in the qstr pool (see {@link MapQstr#bytes})
 * @param shared new qstrs it uses that an earlier module added
 * @param firmware qstrs it uses that the firmware already has
 */
public record MapUnitQstrs(List<String> added, long addedBytes, List<String> shared, List<String> firmware) {
    public MapUnitQstrs {
        added = List.copyOf(added);
        shared = List.copyOf(shared);
        firmware = List.copyOf(firmware);
    }
}
