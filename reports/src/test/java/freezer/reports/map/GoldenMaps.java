package freezer.reports.map;

import freezer.core.batch.BatchCompiler;
import freezer.image.frozenc.FreezePipeline;
import freezer.image.layout.FrozenMap;
import freezer.image.layout.Target;
import freezer.image.manifest.ManifestEntry;
import freezer.image.manifest.ManifestEvaluator;
import freezer.image.manifest.ManifestInput;
import freezer.image.manifest.MpyToolOptions;
import freezer.image.manifest.PathVariables;
import freezer.image.map.MapJson;
import freezer.image.map.MemoryMap;
import freezer.image.qstr.FirmwareQstrs;
import freezer.testkit.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory maps made the way users make them: a project's manifest frozen for one of the golden
 * firmwares, the map written as JSON under target/ and read back.
 */
final class GoldenMaps {
    private GoldenMaps() {
    }

    /** A golden project of ../shared/golden/freeze frozen for the target, its map at {@code out}. */
    static MemoryMap freeze(String project, Target target, Path out) throws Exception {
        Path dir = Shared.golden("freeze", project).toAbsolutePath().normalize();
        return freeze(dir, target, out);
    }

    /** The project in {@code dir} (manifest.py and vars, as the golden projects have them). */
    static MemoryMap freeze(Path dir, Target target, Path out) throws Exception {
        List<String> assignments = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("vars"), StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                int eq = t.indexOf('=');
                assignments.add(t.substring(0, eq) + "=" + dir + "/" + t.substring(eq + 1));
            }
        }
        List<ManifestEntry> entries = new ManifestEvaluator(PathVariables.fromAssignments(assignments, dir),
                dir.getParent()).evaluate(List.of(new ManifestInput.File(dir.resolve("manifest.py")))).entries();
        boolean qemu = target.equals(Target.QEMU_ARMV7M);
        Path header = Shared.golden("firmware", qemu ? "qemu-mps2-an385" : "unix-standard", "qstrdefs.preprocessed.h");
        FirmwareQstrs qstrs = FirmwareQstrs.parse(Files.readAllBytes(header), header.toString());
        FreezePipeline.Request request = new FreezePipeline.Request(entries, qstrs,
                qemu ? List.of("-march=armv7m") : List.of(), MpyToolOptions.DEFAULT, "build", qemu, "test");
        FreezePipeline.Result result = FreezePipeline.run(request, new BatchCompiler(2),
                FreezePipeline.ModuleCache.NONE);
        MemoryMap map = FrozenMap.build(result.image(), target, "freezer test");
        Files.createDirectories(out.getParent());
        Files.write(out, MapJson.write(map));
        return MapJson.read(Files.readAllBytes(out));
    }
}
