package freezer.image.map;

/** A total over a group of units (a package): its name, bytes and number of units. */
public record MapTotal(String name, long size, int units) {
}
