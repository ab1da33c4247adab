package freezer.image.map;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A memory map as a table for people ({@code --map -}): one row per unit with its bytes and
 * share of the total, the shared objects by kind, the packages when there are any, the total.
 */
public final class MapTable {
    private MapTable() {
    }

    public static String render(MemoryMap map) {
        StringBuilder b = new StringBuilder();
        MapTarget t = map.target();
        b.append("memory map: ").append(map.kind().label());
        if (t != null) {
            b.append(" for ").append(t.name()).append(" (word ").append(t.wordSize()).append(", float ")
                    .append(t.floatSize()).append(", repr ").append(t.objRepr())
                    .append(t.persistentCodeSave() ? ", persistent code save" : "").append(')');
        }
        b.append('\n');
        int width = 24;
        for (MapUnit u : map.units()) {
            width = Math.max(width, u.path().length());
        }
        int kindWidth = 8;
        for (MapItem i : map.shared()) {
            kindWidth = Math.max(kindWidth, i.kind().label().length());
        }
        String row = "%-" + width + "s  %-" + kindWidth + "s %9s %6s  %s%n";
        b.append(String.format(Locale.ROOT, row, map.kind() == MapKind.ROMFS ? "path" : "module", "kind", "bytes", "%",
                map.kind() == MapKind.ROMFS ? "" : "functions, new qstrs"));
        for (MapUnit u : map.units()) {
            String extra = "";
            if (u.qstrs() != null) {
                extra = u.functions().size() + ", " + u.qstrs().added().size() + " (" + u.qstrs().addedBytes() + " B)";
            }
            b.append(String.format(Locale.ROOT, row, u.path(), u.kind().label(), u.size(), percent(u.size(), map.total()),
                    extra));
        }
        Map<String, Long> shared = new LinkedHashMap<>();
        for (MapItem i : map.shared()) {
            shared.merge(i.kind().label(), i.size(), Long::sum);
        }
        for (Map.Entry<String, Long> e : shared.entrySet()) {
            b.append(String.format(Locale.ROOT, row, "(shared)", e.getKey(), e.getValue(),
                    percent(e.getValue(), map.total()), ""));
        }
        if (map.packages().size() > 1) {
            b.append('\n');
            b.append(String.format(Locale.ROOT, row, "package", "units", "bytes", "%", ""));
            for (MapTotal p : map.packages()) {
                b.append(String.format(Locale.ROOT, row, p.name().isEmpty() ? "(top level)" : p.name(), p.units(),
                        p.size(), percent(p.size(), map.total()), ""));
            }
        }
        if (map.qstrs() != null) {
            b.append('\n').append(map.qstrs().count()).append(" new qstrs (").append(map.qstrs().bytes())
                    .append(" bytes), ").append(map.qstrs().firmwareCount()).append(" in the firmware\n");
        }
        b.append(String.format(Locale.ROOT, "total %d bytes in %d sections%n", map.total(), map.sections().size()));
        return b.toString();
    }

    private static String percent(long part, long total) {
        return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * part / total);
    }
}
