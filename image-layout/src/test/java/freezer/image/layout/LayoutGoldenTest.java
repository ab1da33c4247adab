package freezer.image.layout;

import static org.junit.jupiter.api.Assertions.fail;

import freezer.image.frozenc.FrozenImage;
import freezer.image.frozenc.GoldenFreezeAccess;
import freezer.image.map.MapFunction;
import freezer.image.map.MapItem;
import freezer.image.map.MapSection;
import freezer.image.map.MapUnit;
import freezer.image.map.MemoryMap;
import freezer.testkit.KnownFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The layout against the real builds: for every golden project with a symbol list, the named
 * objects and their sizes equal {@code nm -S}'s list, and the sections and their sizes equal
 * {@code size -A}'s, for the x86-64 and the Cortex-M3 firmware; the map's items add up to its
 * units, functions, sections and total.
 */
class LayoutGoldenTest {
    private static final KnownFailures KNOWN = KnownFailures.load("layout-known-failures.txt");

    @TestFactory
    List<DynamicTest> symbolsAndSections() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String project : GoldenFreezeAccess.projects()) {
            Path expected = GoldenFreezeAccess.root().resolve(project).resolve("expected");
            if (Files.exists(expected.resolve("unix-x64.symbols"))) {
                String id = project + "/unix-x64";
                tests.add(KNOWN.test(id, id, () -> check(project, false, Target.UNIX_X64,
                        expected.resolve("unix-x64.symbols"), expected.resolve("unix-x64.sections"))));
            }
            if (Files.exists(expected.resolve("qemu-armv7m/symbols"))) {
                String id = project + "/qemu-armv7m";
                tests.add(KNOWN.test(id, id, () -> check(project, true, Target.QEMU_ARMV7M,
                        expected.resolve("qemu-armv7m/symbols"), expected.resolve("qemu-armv7m/sections"))));
            }
        }
        tests.add(KNOWN.listCheck());
        return tests;
    }

    private static void check(String project, boolean qemu, Target target, Path symbolsFile, Path sectionsFile)
            throws Exception {
        FrozenImage image = GoldenFreezeAccess.freeze(project, qemu);
        MemoryMap map = FrozenMap.build(image, target, "test");
        Map<String, Long> wantSymbols = read(symbolsFile, true);
        Map<String, Long> wantSections = read(sectionsFile, false);
        Map<String, Long> gotSymbols = new TreeMap<>();
        Map<String, Long> gotSections = new TreeMap<>();
        for (MapItem item : allItems(map)) {
            if (item.name() != null) {
                gotSymbols.merge(item.name(), item.size(), Long::sum);
            }
            gotSections.merge(item.section(), item.size(), Long::sum);
        }
        for (MapSection s : map.sections()) {
            if (!gotSections.get(s.name()).equals(s.size())) {
                fail("the map's section " + s.name() + " says " + s.size() + " bytes, its items " + gotSections.get(s.name()));
            }
        }
        StringBuilder problems = new StringBuilder();
        compare("symbol", wantSymbols, gotSymbols, problems);
        compare("section", wantSections, gotSections, problems);
        long wantTotal = wantSections.values().stream().mapToLong(Long::longValue).sum();
        if (map.total() != wantTotal) {
            problems.append("total ").append(map.total()).append(", the sections add up to ").append(wantTotal)
                    .append('\n');
        }
        if (problems.length() > 0) {
            fail(project + " on " + target.name() + ":\n" + problems);
        }
    }

    /** Every item of the map: units', functions' and shared ones; checks each unit's size adds up. */
    static List<MapItem> allItems(MemoryMap map) {
        List<MapItem> all = new ArrayList<>(map.shared());
        for (MapUnit u : map.units()) {
            long size = 0;
            for (MapItem i : u.items()) {
                all.add(i);
                size += i.size();
            }
            for (MapFunction f : u.functions()) {
                long fs = 0;
                for (MapItem i : f.items()) {
                    all.add(i);
                    fs += i.size();
                }
                if (fs != f.size()) {
                    fail(f.name() + " says " + f.size() + " bytes, its items " + fs);
                }
                size += fs;
            }
            if (size != u.size()) {
                fail(u.path() + " says " + u.size() + " bytes, its items " + size);
            }
        }
        return all;
    }

    private static void compare(String what, Map<String, Long> want, Map<String, Long> got, StringBuilder out) {
        for (String name : new TreeSet<>(want.keySet())) {
            Long g = got.get(name);
            if (g == null) {
                out.append("missing ").append(what).append(' ').append(name).append(" (").append(want.get(name))
                        .append(" bytes)\n");
            } else if (!g.equals(want.get(name))) {
                out.append(what).append(' ').append(name).append(": ").append(g).append(" bytes, expected ")
                        .append(want.get(name)).append('\n');
            }
        }
        for (String name : new TreeSet<>(got.keySet())) {
            if (!want.containsKey(name)) {
                out.append("extra ").append(what).append(' ').append(name).append(" (").append(got.get(name))
                        .append(" bytes)\n");
            }
        }
    }

    /** {@code SIZE TYPE NAME} lines (symbols) or {@code NAME SIZE} lines (sections). */
    static Map<String, Long> read(Path file, boolean symbols) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 2) {
                continue;
            }
            if (symbols) {
                m.merge(f[2], Long.parseLong(f[0]), Long::sum);
            } else {
                m.merge(f[0], Long.parseLong(f[1]), Long::sum);
            }
        }
        return m;
    }
}
