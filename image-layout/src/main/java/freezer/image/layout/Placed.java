package freezer.image.layout;

/**
 * An object where it lands on a target.
 *
 * @param object the object
 * @param size what it occupies in its section (a machine-code array padded to its alignment)
 * @param symbolSize its size as {@code nm -S} reports it (0 for a string literal)
 * @param section the section it lands in
 */
public record Placed(CObject object, long size, long symbolSize, String section) {
}
