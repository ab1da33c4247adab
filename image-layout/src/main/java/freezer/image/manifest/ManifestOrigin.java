package freezer.image.manifest;

import java.nio.file.Path;

/**
 * Where in which manifest a call was made (1-based line and column), for error messages.
 * Manifest code given on the command line instead of a file has {@link #CODE} as its manifest.
 */
public record ManifestOrigin(Path manifest, int line, int column) {
    /** The manifest of code given as a command-line argument (makemanifest.py runs such code with exec). */
    public static final Path CODE = Path.of("<manifest code>");

    /** {@code manifest:line:column}, or {@code manifest} alone when there is no position. */
    @Override
    public String toString() {
        return line > 0 ? manifest + ":" + line + ":" + column : manifest.toString();
    }
}
