package freezer.image.frozenc;

import static org.junit.jupiter.api.Assertions.fail;

import freezer.image.manifest.ManifestEntry;
import freezer.image.manifest.MpyToolFlags;
import freezer.image.manifest.MpyToolOptions;
import freezer.testkit.HexDiff;
import freezer.testkit.KnownFailures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden freeze project, byte for byte: for the unix header, for the Cortex-M3 header with
 * {@code -march=armv7m}, and for each long-int variant. Parameterised over the folders, so a new
 * project is tested without new code; cases freezer does not match yet are in
 * {@code frozenc-known-failures.txt}, which may only shrink.
 */
class FrozenCGoldenTest {
    private static final KnownFailures KNOWN = KnownFailures.load("frozenc-known-failures.txt");

    @TestFactory
    List<DynamicTest> goldenProjects() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String project : GoldenFreeze.projects()) {
            Path dir = GoldenFreeze.root().resolve(project);
            for (GoldenFreeze.Firmware fw : GoldenFreeze.Firmware.values()) {
                Path expected = dir.resolve(fw.expected);
                if (Files.exists(expected)) {
                    String id = project + "/" + fw.name().toLowerCase();
                    tests.add(KNOWN.test(id, id, () -> check(project, fw, MpyToolOptions.DEFAULT, expected)));
                }
            }
            for (Map.Entry<String, String> v : GoldenFreeze.variants(project).entrySet()) {
                Path expected = dir.resolve("expected").resolve(v.getKey()).resolve("frozen_content.c");
                String id = project + "/" + v.getKey();
                tests.add(KNOWN.test(id, id, () -> check(project, GoldenFreeze.Firmware.UNIX,
                        MpyToolFlags.parse(v.getValue()), expected)));
            }
        }
        tests.add(KNOWN.listCheck());
        return tests;
    }

    private static void check(String project, GoldenFreeze.Firmware fw, MpyToolOptions options, Path expected)
            throws Exception {
        List<ManifestEntry> entries = GoldenFreeze.entries(project);
        byte[] want = Files.readAllBytes(expected);
        byte[] got = GoldenFreeze.withPlaceholder(GoldenFreeze.freeze(entries, fw, options).image().content(), project);
        if (!java.util.Arrays.equals(want, got)) {
            fail(expected + " differs\n" + HexDiff.describe(want, got) + "\n" + lineContext(want, got));
        }
    }

    /** The first differing line of both, as text. */
    private static String lineContext(byte[] want, byte[] got) {
        String[] a = new String(want, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = new String(got, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "line " + (i + 1) + ":\n  expected: " + a[i] + "\n  actual:   " + b[i];
            }
        }
        return "line " + (Math.min(a.length, b.length) + 1) + ": one output ends";
    }
}
