package freezer.image.manifest;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One file a manifest freezes, resolved: where it is, the name it is frozen under, and how.
 *
 * @param kind how it is frozen
 * @param source the file on disk (absolute)
 * @param target the path it is frozen under, with its extension, {@code /}-separated
 *     ({@code "pkg/mod.py"}); for a compiled module the source name embedded in its .mpy
 * @param opt the optimisation level it is compiled with ({@code -O<opt>}); 0 when not given
 * @param version the {@code metadata(version=)} in force where it was declared, or null; a
 *     compiled module without {@code __version__ =} in its source gets it appended
 * @param origin the manifest call that declared it, for error messages
 * @param maxRom the module's ROM budget in bytes, when a JSON manifest gives one (empty otherwise)
 */
public record ManifestEntry(FreezeKind kind, Path source, String target, int opt, String version,
        ManifestOrigin origin, OptionalLong maxRom) {

    public ManifestEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(maxRom, "maxRom");
    }

    /** An entry without a budget (what manifest.py files declare). */
    public ManifestEntry(FreezeKind kind, Path source, String target, int opt, String version,
            ManifestOrigin origin) {
        this(kind, source, target, opt, version, origin, OptionalLong.empty());
    }
}
