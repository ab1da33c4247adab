package freezer.image.frozenc;

import freezer.core.batch.BatchCompiler;
import freezer.image.manifest.ManifestEntry;
import freezer.image.manifest.ManifestEvaluator;
import freezer.image.manifest.ManifestInput;
import freezer.image.manifest.MpyToolOptions;
import freezer.image.manifest.PathVariables;
import freezer.image.qstr.FirmwareQstrs;
import freezer.testkit.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The golden freeze projects ({@code ../shared/golden/freeze}) and how a test freezes them: the
 * firmware headers, the variants, and the entries each manifest resolves to.
 */
final class GoldenFreeze {
    /** The two firmwares the goldens were made for. */
    enum Firmware {
        UNIX("unix-standard", "expected/frozen_content.c", List.of(), false),
        QEMU("qemu-mps2-an385", "expected/qemu-armv7m/frozen_content.c", List.of("-march=armv7m"), true);

        final String folder;
        final String expected;
        final List<String> mpyCrossFlags;
        final boolean singlePrecision;

        Firmware(String folder, String expected, List<String> mpyCrossFlags, boolean singlePrecision) {
            this.folder = folder;
            this.expected = expected;
            this.mpyCrossFlags = mpyCrossFlags;
            this.singlePrecision = singlePrecision;
        }

        Path header() {
            return Shared.golden("firmware", folder, "qstrdefs.preprocessed.h");
        }

        FirmwareQstrs qstrs() {
            try {
                return FirmwareQstrs.parse(Files.readAllBytes(header()), header().toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private GoldenFreeze() {
    }

    static Path root() {
        return Shared.golden("freeze");
    }

    /** Every project folder (not bad/), sorted. */
    static List<String> projects() {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.equals("bad"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's variants file: label to --mpy-tool-flags value. */
    static Map<String, String> variants(String project) {
        Map<String, String> out = new LinkedHashMap<>();
        Path f = root().resolve(project).resolve("variants");
        if (!Files.exists(f)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The entries the project's manifest resolves to (variables as the README's command gives them). */
    static List<ManifestEntry> entries(String project) {
        Path dir = root().resolve(project).toAbsolutePath().normalize();
        List<String> assignments = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("vars"), StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int eq = t.indexOf('=');
                assignments.add(t.substring(0, eq) + "=" + dir + "/" + t.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PathVariables vars = PathVariables.fromAssignments(assignments, dir);
        return new ManifestEvaluator(vars, dir.getParent())
                .evaluate(List.of(new ManifestInput.File(dir.resolve("manifest.py")))).entries();
    }

    /** Freezes entries against a firmware; the output with the project folder as {@code @PROJECT@}. */
    static FreezePipeline.Result freeze(List<ManifestEntry> entries, Firmware fw, MpyToolOptions options)
            throws FreezeException {
        FreezePipeline.Request r = new FreezePipeline.Request(entries, fw.qstrs(), fw.mpyCrossFlags, options, "build",
                fw.singlePrecision, "test");
        return FreezePipeline.run(r, new BatchCompiler(2), FreezePipeline.ModuleCache.NONE);
    }

    static byte[] withPlaceholder(byte[] c, String project) {
        String text = new String(c, StandardCharsets.UTF_8);
        return text.replace(root().resolve(project).toString(), "@PROJECT@").getBytes(StandardCharsets.UTF_8);
    }
}
