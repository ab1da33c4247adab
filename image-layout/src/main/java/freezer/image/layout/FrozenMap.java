package freezer.image.layout;

import freezer.core.mpy.MpyToolText;
import freezer.image.frozenc.FrozenFunction;
import freezer.image.frozenc.FrozenImage;
import freezer.image.frozenc.FrozenUnit;
import freezer.image.map.ItemKind;
import freezer.image.map.MapFunction;
import freezer.image.map.MapItem;
import freezer.image.map.MapKind;
import freezer.image.map.MapQstr;
import freezer.image.map.MapQstrs;
import freezer.image.map.MapSection;
import freezer.image.map.MapTotal;
import freezer.image.map.MapUnit;
import freezer.image.map.MapUnitQstrs;
import freezer.image.map.MemoryMap;
import freezer.image.qstr.FrozenQstrPool;
import freezer.image.qstr.QstrEscape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The memory map of frozen C on a target: its layout, grouped by module and function. */
public final class FrozenMap {
    private FrozenMap() {
    }

    public static MemoryMap build(FrozenImage image, Target target, String generator) {
        FrozenLayout layout = FrozenLayout.of(image.objects(), target, image.arch());
        List<FrozenUnit> units = image.units();
        List<List<MapItem>> unitItems = new ArrayList<>();
        List<Map<String, List<MapItem>>> functionItems = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            unitItems.add(new ArrayList<>());
            functionItems.add(new HashMap<>());
        }
        List<MapItem> shared = new ArrayList<>();
        for (Placed p : layout.placed()) {
            CObject o = p.object();
            List<MapItem> to;
            if (o.unit() < 0) {
                to = shared;
            } else if (o.function() == null) {
                to = unitItems.get(o.unit());
            } else {
                to = functionItems.get(o.unit()).computeIfAbsent(o.function(), f -> new ArrayList<>());
            }
            long own = o.name() == null ? p.size() : p.symbolSize();
            to.add(new MapItem(o.name(), o.kind(), p.section(), own, null, o.detail()));
            if (p.size() > own) {
                // machine code is aligned: the gap to the next array is padding in the same section
                to.add(new MapItem(null, ItemKind.PADDING, p.section(), p.size() - own, null, null));
            }
        }
        Map<String, String> firstUser = firstUsers(image);
        Map<String, Long> qstrCost = qstrCosts(image, target, layout);
        List<MapUnit> mapUnits = new ArrayList<>(units.size());
        Map<String, long[]> packages = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            FrozenUnit u = units.get(i);
            List<MapFunction> functions = new ArrayList<>();
            long size = sum(unitItems.get(i));
            for (FrozenFunction f : u.functions()) {
                List<MapItem> items = functionItems.get(i).getOrDefault(f.cName(), List.of());
                long fs = sum(items);
                size += fs;
                functions.add(new MapFunction(f.cName(), f.simpleName(), f.code(), fs, items));
            }
            MapUnitQstrs qstrs = unitQstrs(image, u, firstUser, qstrCost);
            String pkg = packageOf(u.path());
            mapUnits.add(new MapUnit(u.path(), u.kind(), u.source(), pkg, size, unitItems.get(i), functions, qstrs));
            long[] t = packages.computeIfAbsent(pkg, k -> new long[2]);
            t[0] += size;
            t[1]++;
        }
        List<MapTotal> totals = new ArrayList<>();
        packages.forEach((name, t) -> totals.add(new MapTotal(name, t[0], (int) t[1])));
        List<MapSection> sections = new ArrayList<>();
        layout.sections().forEach((name, size) -> sections.add(new MapSection(name, size)));
        List<MapQstr> entries = new ArrayList<>();
        long poolBytes = 0;
        for (FrozenQstrPool.Entry e : image.pool().entries()) {
            long cost = qstrCost.get(e.identifier());
            poolBytes += cost;
            entries.add(new MapQstr(MpyToolText.plain(e.bytes()), e.identifier(), e.bytes().length(), cost,
                    firstUser.get(e.identifier())));
        }
        MapQstrs qstrs = new MapQstrs(entries.size(), poolBytes, image.firmware().identifiers().size(), entries);
        return new MemoryMap(MemoryMap.SCHEMA_VERSION, MapKind.FROZEN_C, generator, target.toMap(), layout.total(),
                sections, mapUnits, shared, totals, qstrs);
    }

    /** The package a frozen name counts in: its first folder, or "" at the top. */
    static String packageOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static long sum(List<MapItem> items) {
        long s = 0;
        for (MapItem i : items) {
            s += i.size();
        }
        return s;
    }

    /** For each new qstr's identifier, the first module (in image order) that uses it. */
    private static Map<String, String> firstUsers(FrozenImage image) {
        Map<String, String> first = new HashMap<>();
        for (FrozenUnit u : image.units()) {
            for (String q : u.qstrs()) {
                first.putIfAbsent(QstrEscape.identifier(q), u.path());
            }
        }
        return first;
    }

    /** What each new qstr costs: hash and length entries, a pointer in the pool, its text if the pool owns it. */
    private static Map<String, Long> qstrCosts(FrozenImage image, Target target, FrozenLayout layout) {
        var config = image.firmware().config();
        Map<String, Boolean> owned = new HashMap<>();
        for (Placed p : layout.placed()) {
            if (p.object().unit() < 0 && p.object().type() instanceof CType.Literal l) {
                owned.put(l.bytes(), true);
            }
        }
        Map<String, Long> cost = new HashMap<>();
        for (FrozenQstrPool.Entry e : image.pool().entries()) {
            long c = config.bytesInHash() + config.bytesInLen() + target.wordSize();
            if (owned.containsKey(e.bytes())) {
                c += e.bytes().length() + 1;
            }
            cost.put(e.identifier(), c);
        }
        return cost;
    }

    private static MapUnitQstrs unitQstrs(FrozenImage image, FrozenUnit u, Map<String, String> firstUser,
            Map<String, Long> cost) {
        if (u.cName() == null) {
            return null;
        }
        List<String> added = new ArrayList<>();
        List<String> sharedQ = new ArrayList<>();
        List<String> firmware = new ArrayList<>();
        long bytes = 0;
        for (String q : u.qstrs()) {
            String id = QstrEscape.identifier(q);
            String text = MpyToolText.plain(q);
            if (image.firmware().has(id)) {
                firmware.add(text);
            } else if (u.path().equals(firstUser.get(id))) {
                added.add(text);
                bytes += cost.getOrDefault(id, 0L);
            } else {
                sharedQ.add(text);
            }
        }
        return new MapUnitQstrs(added, bytes, sharedQ, firmware);
    }
}
