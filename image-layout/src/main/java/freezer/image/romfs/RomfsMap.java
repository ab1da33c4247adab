package freezer.image.romfs;

import freezer.core.mpy.CodeKind;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyFormatException;
import freezer.core.mpy.MpyParts;
import freezer.core.mpy.MpyReader;
import freezer.image.map.ItemKind;
import freezer.image.map.MapItem;
import freezer.image.map.MapKind;
import freezer.image.map.MapSection;
import freezer.image.map.MapTotal;
import freezer.image.map.MapUnit;
import freezer.image.map.MemoryMap;
import freezer.image.map.UnitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory map of a ROMFS image (docs/map.md, kind {@code romfs}): one unit per file and
 * folder with its record header, payload and padding at their offsets; a .mpy file's payload
 * split into its header, qstr table, constant table and code; the image header and its padding
 * shared. Read from the image's bytes, so every byte is counted once and the total is the
 * image's size exactly.
 */
public final class RomfsMap {
    /** The one section a ROMFS image is. */
    public static final String SECTION = "romfs";

    private RomfsMap() {
    }

    /**
     * @param sources each file's source as given to freezer, by its path in the image; files
     *     not in it have no source in the map
     */
    public static MemoryMap build(byte[] image, RomfsContents contents, Map<String, String> sources,
            String generator) {
        List<MapUnit> units = new ArrayList<>(contents.entries().size());
        Map<String, long[]> packages = new LinkedHashMap<>();
        for (RomfsEntry e : contents.entries()) {
            List<MapItem> items = e.isDirectory() ? directory(e) : file(image, e);
            long size = items.stream().mapToLong(MapItem::size).sum();
            String pkg = packageOf(e);
            long[] total = packages.computeIfAbsent(pkg, k -> new long[2]);
            total[0] += size;
            total[1]++;
            units.add(new MapUnit(e.path(), e.isDirectory() ? UnitKind.DIR : UnitKind.FILE,
                    e.isDirectory() ? null : sources.get(e.path()), pkg, size, items, List.of(), null));
        }
        List<MapTotal> totals = new ArrayList<>();
        packages.forEach((name, t) -> totals.add(new MapTotal(name, t[0], (int) t[1])));
        return new MemoryMap(MemoryMap.SCHEMA_VERSION, MapKind.ROMFS, generator, null, contents.size(),
                List.of(new MapSection(SECTION, contents.size())), units, shared(contents), totals, null);
    }

    /** The image header: d2 cd 31, the 0x80 bytes that make the size even, the body's length; root padding records. */
    private static List<MapItem> shared(RomfsContents c) {
        List<MapItem> items = new ArrayList<>();
        int magic = 3;
        items.add(item(ItemKind.HEADER, 0L, magic, "ROMFS header d2 cd 31"));
        if (c.headerPadding() > 0) {
            items.add(item(ItemKind.PADDING, (long) magic, c.headerPadding(), "0x80 before the length: the image's size is even"));
        }
        items.add(item(ItemKind.HEADER, (long) (magic + c.headerPadding()), c.headerSize() - magic - c.headerPadding(),
                "the image's length"));
        if (c.otherSize() > 0) {
            items.add(item(ItemKind.PADDING, null, c.otherSize(), "padding and other records of the root"));
        }
        return items;
    }

    private static List<MapItem> directory(RomfsEntry e) {
        List<MapItem> items = new ArrayList<>();
        items.add(item(ItemKind.HEADER, e.recordOffset(), e.headerSize(), "directory record and name"));
        if (e.otherSize() > 0) {
            items.add(item(ItemKind.PADDING, null, e.otherSize(), "padding and other records"));
        }
        return items;
    }

    private static List<MapItem> file(byte[] image, RomfsEntry e) {
        List<MapItem> items = new ArrayList<>();
        items.add(item(ItemKind.HEADER, e.recordOffset(), e.headerSize(), "file record, name and data record"));
        if (!e.dataPointer()) {
            items.addAll(payload(image, e));
        }
        if (e.otherSize() > 0) {
            items.add(item(ItemKind.PADDING, null, e.otherSize(), "padding and other records"));
        }
        return items;
    }

    /** A .mpy's parts when it reads as one, else the data whole. */
    private static List<MapItem> payload(byte[] image, RomfsEntry e) {
        long at = e.dataOffset();
        if (e.path().endsWith(".mpy")) {
            byte[] data = Arrays.copyOfRange(image, (int) at, (int) (at + e.dataSize()));
            try {
                CompiledModule m = MpyReader.read(data);
                MpyParts parts = MpyParts.of(m);
                if (parts.size() == data.length) {
                    return mpyItems(parts, at);
                }
            } catch (MpyFormatException x) {
                // not a .mpy this freezer reads: counted as plain data
            }
        }
        return List.of(item(ItemKind.PAYLOAD, at, e.dataSize(), null));
    }

    private static List<MapItem> mpyItems(MpyParts parts, long at) {
        List<MapItem> items = new ArrayList<>();
        items.add(item(ItemKind.HEADER, at, parts.header(), ".mpy header and table counts"));
        at += parts.header();
        if (parts.qstrTable() > 0) {
            items.add(item(ItemKind.QSTR_TABLE, at, parts.qstrTable(), null));
            at += parts.qstrTable();
        }
        if (parts.constTable() > 0) {
            items.add(item(ItemKind.OBJ_TABLE, at, parts.constTable(), null));
            at += parts.constTable();
        }
        // consecutive functions of one kind of code make one item
        int i = 0;
        List<MpyParts.Function> fs = parts.functions();
        while (i < fs.size()) {
            boolean bytecode = fs.get(i).kind() == CodeKind.BYTECODE;
            long size = 0;
            int n = 0;
            while (i < fs.size() && (fs.get(i).kind() == CodeKind.BYTECODE) == bytecode) {
                size += fs.get(i).size();
                n++;
                i++;
            }
            items.add(item(bytecode ? ItemKind.BYTECODE : ItemKind.MACHINE_CODE, at, size,
                    n + (n == 1 ? " function" : " functions")));
            at += size;
        }
        return items;
    }

    /** The first folder of the entry's path; a top-level folder is its own package; "" for files at the top. */
    private static String packageOf(RomfsEntry e) {
        int slash = e.path().indexOf('/');
        if (slash >= 0) {
            return e.path().substring(0, slash);
        }
        return e.isDirectory() ? e.path() : "";
    }

    private static MapItem item(ItemKind kind, Long offset, long size, String detail) {
        return new MapItem(null, kind, SECTION, size, offset, detail);
    }
}
