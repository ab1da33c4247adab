package freezer.reports.map;

import freezer.image.map.MapFunction;
import freezer.image.map.MapItem;
import freezer.image.map.MapKind;
import freezer.image.map.MapUnit;
import freezer.image.map.MemoryMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A memory map as reports see it: the image, its packages, their modules (or ROMFS files),
 * their functions and objects, each with its bytes by category, and what belongs to no one.
 * A module's qstrs are counted with the module: its qstr table, and the pool bytes of the new
 * qstrs it is the first to need (which the map keeps among the shared objects, so the shared
 * row is smaller by as much). Every node's size is the sum of its children's, and the image's
 * is the map's total.
 */
public final class SizeReport {
    /** The name of the tree node that holds the objects no module owns. */
    public static final String SHARED = "(shared)";
    /** The package name shown for modules at the top level. */
    public static final String TOP_LEVEL = "(top level)";

    private final MemoryMap map;
    private final SizeNode image;
    private final SizeNode shared;
    private final List<SizeNode> units = new ArrayList<>();
    private final Map<SizeNode, String> packageOf = new LinkedHashMap<>();

    private SizeReport(MemoryMap map) {
        this.map = map;
        this.image = new SizeNode("total", SizeNode.Level.IMAGE, map.kind().label());
        Map<String, SizeNode> packages = new LinkedHashMap<>();
        long attributedQstrs = 0;
        for (MapUnit u : map.units()) {
            String pkg = u.packageName().isEmpty() ? TOP_LEVEL : u.packageName();
            SizeNode p = packages.computeIfAbsent(pkg, k -> new SizeNode(k, SizeNode.Level.PACKAGE, null));
            SizeNode unit = new SizeNode(u.path(), SizeNode.Level.UNIT, u.kind().label());
            for (MapFunction f : u.functions()) {
                SizeNode fn = unit.add(new SizeNode(f.simpleName(), SizeNode.Level.FUNCTION, f.code()));
                for (MapItem i : f.items()) {
                    fn.add(item(i));
                }
                fn.children().forEach(fn::countAll);
                unit.countAll(fn);
            }
            for (MapItem i : u.items()) {
                SizeNode n = unit.add(item(i));
                unit.countAll(n);
            }
            if (u.qstrs() != null && u.qstrs().addedBytes() > 0) {
                SizeNode q = unit.add(new SizeNode("new qstrs (" + u.qstrs().added().size() + ")", SizeNode.Level.ITEM,
                        "qstr_pool"));
                q.count(Category.QSTRS, u.qstrs().addedBytes());
                unit.countAll(q);
                attributedQstrs += u.qstrs().addedBytes();
            }
            p.add(unit);
            p.countAll(unit);
            units.add(unit);
            packageOf.put(unit, pkg);
        }
        for (SizeNode p : packages.values()) {
            image.add(p);
            image.countAll(p);
        }
        shared = new SizeNode(SHARED, SizeNode.Level.PACKAGE, null);
        long pool = 0;
        for (MapItem i : map.shared()) {
            if (isQstrPool(i)) {
                pool += i.size();
            } else {
                shared.countAll(shared.add(item(i)));
            }
        }
        if (pool > 0) {
            // what the pool's hashes, lengths, pointers and texts cost beyond the qstrs counted with modules
            SizeNode rest = new SizeNode("qstr pool (beyond the modules' new qstrs)", SizeNode.Level.ITEM, "qstr_pool");
            rest.count(Category.QSTRS, pool - attributedQstrs);
            shared.countAll(shared.add(rest));
        }
        if (!map.shared().isEmpty()) {
            image.add(shared);
            image.countAll(shared);
        }
    }

    /** The shared objects the qstr pool is made of: hashes, lengths, the pool structure, the qstrs' texts. */
    private static boolean isQstrPool(MapItem i) {
        return switch (i.kind()) {
            case QSTR_HASHES, QSTR_LENGTHS, QSTR_POOL, STRING -> true;
            default -> false;
        };
    }

    private static SizeNode item(MapItem i) {
        String name = i.name() != null ? i.name() : i.detail() != null ? "\"" + i.detail() + "\"" : i.kind().label();
        SizeNode n = new SizeNode(name, SizeNode.Level.ITEM, i.kind().label());
        n.count(Category.of(i.kind()), i.size());
        return n;
    }

    public static SizeReport of(MemoryMap map) {
        return new SizeReport(map);
    }

    public MemoryMap map() {
        return map;
    }

    /** The root: the whole image, with packages (and the shared objects) below it. */
    public SizeNode image() {
        return image;
    }

    /** Every module or ROMFS entry, in image order. */
    public List<SizeNode> units() {
        return List.copyOf(units);
    }

    /** The objects no module owns, less the qstr bytes counted with modules. */
    public SizeNode shared() {
        return shared;
    }

    /** The package a unit is counted in ({@link #TOP_LEVEL} at the top). */
    public String packageOf(SizeNode unit) {
        return packageOf.get(unit);
    }

    public List<Category> columns() {
        return Category.columns(map.kind());
    }

    public boolean isRomfs() {
        return map.kind() == MapKind.ROMFS;
    }

    /** {@code part} as a percentage of the whole image, one decimal. */
    public String percent(long part) {
        long total = image.size();
        return total == 0 ? "0.0" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * part / total);
    }
}
