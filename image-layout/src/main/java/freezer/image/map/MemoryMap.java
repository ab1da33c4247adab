package freezer.image.map;

import java.util.List;

/**
 * Where every byte of a frozen image goes: the memory map freezer writes beside frozen C
 * ({@code freezer freeze --map}) and ROMFS images ({@code freezer romfs build --map}), and that
 * reports read back. The JSON form (see {@link MapJson} and docs/map.md) is versioned by
 * {@link #schemaVersion}.
 *
 * @param schemaVersion the schema's version ({@link #SCHEMA_VERSION} when written by this freezer)
 * @param kind what the image is
 * @param generator the tool and version that wrote the map (for example {@code "freezer 0.1.0"})
 * @param target the firmware the sizes are for; null where sizes do not depend on one
 * @param total the image's bytes: the sum of {@code sections}, and of every item of every unit,
 *     function and of {@code shared}
 * @param sections the image's sections (frozen C: the object file's sections as the target's
 *     compiler makes them; ROMFS: the image)
 * @param units what the image holds, in image order: modules (frozen C) or files and folders
 *     (ROMFS)
 * @param shared what belongs to no single unit: the qstr pool and the module tables (frozen C),
 *     the image header and trailing padding (ROMFS)
 * @param packages totals per package (top-level folder of a unit's path; {@code ""} for units at
 *     the top), in order of first appearance
 * @param qstrs the qstrs the image adds to the firmware (frozen C); null for ROMFS
 */
public record MemoryMap(int schemaVersion, MapKind kind, String generator, MapTarget target, long total,
        List<MapSection> sections, List<MapUnit> units, List<MapItem> shared, List<MapTotal> packages,
        MapQstrs qstrs) {
    /** The schema this freezer writes. Readers accept this version and refuse later ones. */
    public static final int SCHEMA_VERSION = 1;

    public MemoryMap {
        sections = List.copyOf(sections);
        units = List.copyOf(units);
        shared = List.copyOf(shared);
        packages = List.copyOf(packages);
    }
}
