package freezer.cli;

import freezer.image.manifest.FreezeKind;
import freezer.image.manifest.Manifest;
import freezer.image.manifest.ManifestEntry;
import freezer.image.map.MapFunction;
import freezer.image.map.MapUnit;
import freezer.image.map.MemoryMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Size budgets (docs/freeze.md#budgets): {@code --max-rom} and a JSON manifest's {@code max_rom}
 * for the whole freeze, and a module's own {@code max_rom}. A module costs its objects plus the
 * pool bytes of the qstrs it adds; the whole freeze costs the map's total.
 */
final class Budgets {
    private static final int CONTRIBUTORS = 5;

    private Budgets() {
    }

    /** Whether the budgets hold, and if not, a report naming what is over and its biggest parts. */
    record Verdict(boolean ok, String report) {
        static final Verdict OK = new Verdict(true, "");
    }

    static boolean any(Manifest m) {
        for (ManifestEntry e : m.entries()) {
            if (e.maxRom().isPresent()) {
                return true;
            }
        }
        return false;
    }

    static long cost(MapUnit u) {
        return u.size() + (u.qstrs() == null ? 0 : u.qstrs().addedBytes());
    }

    static Verdict check(MemoryMap map, Manifest manifest, Long maxRom) {
        StringBuilder report = new StringBuilder();
        Long limit = maxRom;
        if (manifest.maxRom().isPresent()) {
            long m = manifest.maxRom().getAsLong();
            limit = limit == null ? m : Math.min(limit, m);
        }
        if (limit != null && map.total() > limit) {
            report.append("freezer: frozen content is ").append(map.total()).append(" bytes, ")
                    .append(map.total() - limit).append(" over the budget of ").append(limit).append(" bytes\n");
            List<MapUnit> units = new ArrayList<>(map.units());
            units.sort(Comparator.comparingLong(Budgets::cost).reversed());
            report.append("  biggest contributors:\n");
            for (MapUnit u : units.subList(0, Math.min(CONTRIBUTORS, units.size()))) {
                report.append(String.format("    %8d  %s%n", cost(u), u.path()));
            }
            if (map.qstrs() != null) {
                report.append(String.format("    %8d  (qstr pool: %d new qstrs)%n", map.qstrs().bytes(), map.qstrs().count()));
            }
        }
        for (ManifestEntry e : manifest.entries()) {
            if (e.maxRom().isEmpty()) {
                continue;
            }
            MapUnit u = unitOf(map, e);
            if (u == null || cost(u) <= e.maxRom().getAsLong()) {
                continue;
            }
            long budget = e.maxRom().getAsLong();
            report.append("freezer: module ").append(u.path()).append(" is ").append(cost(u)).append(" bytes, ")
                    .append(cost(u) - budget).append(" over its budget of ").append(budget).append(" bytes\n");
            List<MapFunction> fs = new ArrayList<>(u.functions());
            fs.sort(Comparator.comparingLong(MapFunction::size).reversed());
            if (!fs.isEmpty()) {
                report.append("  biggest functions:\n");
                for (MapFunction f : fs.subList(0, Math.min(CONTRIBUTORS, fs.size()))) {
                    report.append(String.format("    %8d  %s%n", f.size(), f.simpleName()));
                }
            }
        }
        return report.length() == 0 ? Verdict.OK : new Verdict(false, report.toString());
    }

    /** The unit an entry became: by frozen name, or for a prebuilt .mpy (named inside) by its file. */
    private static MapUnit unitOf(MemoryMap map, ManifestEntry e) {
        for (MapUnit u : map.units()) {
            boolean same = e.kind() == FreezeKind.MPY ? e.source().toString().equals(u.source())
                    : e.target().equals(u.path());
            if (same) {
                return u;
            }
        }
        return null;
    }
}
