package freezer.image.manifest;

import java.util.List;
import java.util.OptionalLong;

/**
 * What manifests resolve to: every file to freeze, in upstream's order (each include and
 * require expanded where it is called), and the ROM budget of the whole freeze if a JSON
 * manifest set one. makemanifest.py keeps this one order: the str-frozen files go into the
 * str part in it, the others are handed to mpy-tool in it.
 *
 * @param entries the files, in manifest order
 * @param maxRom the budget in bytes for everything frozen, when a JSON manifest gives one
 */
public record Manifest(List<ManifestEntry> entries, OptionalLong maxRom) {
    public Manifest {
        entries = List.copyOf(entries);
    }

    /** The files frozen as source text ({@link FreezeKind#STR}), in order. */
    public List<ManifestEntry> strEntries() {
        return entries.stream().filter(e -> e.kind() == FreezeKind.STR).toList();
    }

    /** The files frozen as bytecode (compiled, or prebuilt .mpy), in the order mpy-tool gets them. */
    public List<ManifestEntry> mpyEntries() {
        return entries.stream().filter(e -> e.kind() != FreezeKind.STR).toList();
    }
}
