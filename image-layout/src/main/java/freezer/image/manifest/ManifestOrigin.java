package freezer.image.manifest;

import java.nio.file.Path;

/** Where in which manifest a call was made (1-based line and column), for error messages. */
public record ManifestOrigin(Path manifest, int line, int column) {
}
