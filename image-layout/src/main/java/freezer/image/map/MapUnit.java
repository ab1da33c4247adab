package freezer.image.map;

import java.util.List;

/**
 * One module (frozen C) or file or folder (ROMFS) and every byte it costs.
 *
 * @param path the frozen name ({@code "pkg/mod.py"}) or the path inside the image ({@code
 *     "lib/x.mpy"}, {@code "lib"})
 * @param kind how it is stored
 * @param source where it came from (the source file as given to freezer), or null
 * @param packageName the package it is counted in (the first folder of {@code path}, {@code ""}
 *     at the top)
 * @param size the sum of its items and its functions' items
 * @param items what belongs to the unit as a whole (frozen C: the module's tables and constants;
 *     ROMFS: record header, payload, padding)
 * @param functions its functions, depth first as they are written (frozen C only; empty otherwise)
 * @param qstrs the qstrs it uses (frozen C only; null otherwise)
 */
public record MapUnit(String path, UnitKind kind, String source, String packageName, long size, List<MapItem> items,
        List<MapFunction> functions, MapUnitQstrs qstrs) {
    public MapUnit {
        items = List.copyOf(items);
        functions = List.copyOf(functions);
    }
}
