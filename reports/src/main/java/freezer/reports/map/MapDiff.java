package freezer.reports.map;

import freezer.image.map.MapFunction;
import freezer.image.map.MapUnit;
import freezer.image.map.MemoryMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two maps of the same firmware: each module (or ROMFS entry) and each
 * function that grew, shrank, appeared or disappeared, and the totals. Modules are matched by
 * frozen path, functions by their C name; a module's size is as the reports count it (its
 * new qstrs included).
 */
public record MapDiff(long oldTotal, long newTotal, List<Change> units, List<Change> functions) {

    public enum Status {
        ADDED("added"), REMOVED("removed"), GREW("grew"), SHRANK("shrank"), SAME("same");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One module or function in either map.
     *
     * @param unit the module's path
     * @param function the function's Python name, or null for a module row
     * @param key what it is matched by: the path, or the function's C name
     */
    public record Change(String unit, String function, String key, long oldSize, long newSize, Status status) {
        public long delta() {
            return newSize - oldSize;
        }
    }

    public MapDiff {
        units = List.copyOf(units);
        functions = List.copyOf(functions);
    }

    public long delta() {
        return newTotal - oldTotal;
    }

    public static MapDiff of(MemoryMap oldMap, MemoryMap newMap) {
        SizeReport a = SizeReport.of(oldMap);
        SizeReport b = SizeReport.of(newMap);
        Map<String, Long> oldUnits = sizes(a);
        Map<String, Long> newUnits = sizes(b);
        List<Change> units = changes(oldUnits, newUnits, k -> k, k -> null);
        Map<String, Long> oldFns = new LinkedHashMap<>();
        Map<String, Long> newFns = new LinkedHashMap<>();
        Map<String, String[]> where = new LinkedHashMap<>();
        functions(oldMap, oldFns, where);
        functions(newMap, newFns, where);
        List<Change> fns = changes(oldFns, newFns, k -> where.get(k)[0], k -> where.get(k)[1]);
        return new MapDiff(a.image().size(), b.image().size(), units, fns);
    }

    private static Map<String, Long> sizes(SizeReport r) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (SizeNode u : r.units()) {
            m.put(u.name(), u.size());
        }
        return m;
    }

    private static void functions(MemoryMap map, Map<String, Long> out, Map<String, String[]> where) {
        for (MapUnit u : map.units()) {
            for (MapFunction f : u.functions()) {
                out.put(f.name(), f.size());
                where.put(f.name(), new String[] {u.path(), f.simpleName()});
            }
        }
    }

    private static List<Change> changes(Map<String, Long> before, Map<String, Long> after,
            java.util.function.Function<String, String> unit, java.util.function.Function<String, String> function) {
        List<Change> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : before.entrySet()) {
            Long now = after.get(e.getKey());
            Status s = now == null ? Status.REMOVED : now > e.getValue() ? Status.GREW
                    : now < e.getValue() ? Status.SHRANK : Status.SAME;
            out.add(new Change(unit.apply(e.getKey()), function.apply(e.getKey()), e.getKey(), e.getValue(),
                    now == null ? 0 : now, s));
        }
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                out.add(new Change(unit.apply(e.getKey()), function.apply(e.getKey()), e.getKey(), 0, e.getValue(),
                        Status.ADDED));
            }
        }
        // biggest change first, then by name: what a reader looks for
        out.sort(Comparator.comparingLong((Change c) -> -Math.abs(c.delta())).thenComparing(Change::key));
        return out;
    }
}
