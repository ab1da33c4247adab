package freezer.image.map;

/** One section of the image and its size in bytes (alignment padding inside it included). */
public record MapSection(String name, long size) {
}
