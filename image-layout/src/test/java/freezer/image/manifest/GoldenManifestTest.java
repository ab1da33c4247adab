package freezer.image.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden freeze project's manifest resolves to the modules upstream froze, in upstream's
 * order: the str-frozen names, then each .mpy module with the file mpy-tool read
 * (build/frozen_mpy/TARGET.mpy for a compiled module, the prebuilt file itself otherwise), the
 * frozen names of mp_frozen_names, and the {@code __version__} tag makemanifest appended to
 * compiled modules (the module's code ends by storing it exactly when the package has a version
 * and the source does not set one).
 */
class GoldenManifestTest {

    @TestFactory
    Stream<DynamicTest> resolvesAsUpstream() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path project : GoldenFreezeProjects.projects()) {
            tests.add(DynamicTest.dynamicTest(project.getFileName().toString(), () -> check(project)));
        }
        assertThat(tests).as("golden freeze projects").hasSizeGreaterThanOrEqualTo(10);
        return tests.stream();
    }

    private static void check(Path project) throws IOException {
        Manifest manifest = GoldenFreezeProjects.evaluate(project);
        GoldenFreezeProjects.Expected expected = GoldenFreezeProjects.expected(project);
        String projectDir = project.toAbsolutePath().normalize().toString();

        assertThat(manifest.strEntries().stream().map(ManifestEntry::target).toList())
                .as("str-frozen names (MP_FROZEN_STR_NAMES)").isEqualTo(expected.strNames());

        List<ManifestEntry> mpy = manifest.mpyEntries();
        List<String> actualSources = new ArrayList<>();
        for (ManifestEntry e : mpy) {
            actualSources.add(e.kind() == FreezeKind.COMPILE
                    ? "build/frozen_mpy/" + e.target().substring(0, e.target().length() - 3) + ".mpy"
                    : e.source().toString().replace(projectDir, "@PROJECT@"));
        }
        assertThat(actualSources).as(".mpy files handed to mpy-tool, in order")
                .isEqualTo(expected.modules().stream().map(GoldenFreezeProjects.FrozenModule::originalSource).toList());

        List<String> expectedNames = new ArrayList<>();
        expected.modules().forEach(m -> expectedNames.add(m.frozenName()));
        assertThat(expectedNames).as("the golden's own module list (mp_frozen_names after the str names)")
                .isEqualTo(expected.frozenNames());

        for (int i = 0; i < mpy.size(); i++) {
            ManifestEntry e = mpy.get(i);
            if (e.kind() == FreezeKind.COMPILE) {
                assertThat(e.target()).as("frozen name of " + e.source()).isEqualTo(expected.modules().get(i).frozenName());
                checkVersionTag(e, expected.modules().get(i).moduleBytecodeTail());
            }
            assertThat(e.source()).as("source").isAbsolute();
            assertThat(Files.isRegularFile(e.source())).as(e.source() + " exists").isTrue();
        }
    }

    private static void checkVersionTag(ManifestEntry e, List<String> tail) throws IOException {
        String source = new String(Files.readAllBytes(e.source()), StandardCharsets.UTF_8);
        if (source.contains("__version__ =")) {
            return;
        }
        boolean tagged = tail.size() == 4 && tail.get(1).equals("STORE_NAME '__version__'");
        if (e.version() == null) {
            if (tagged) {
                fail(e.target() + ": upstream tagged it with " + tail.get(0) + " but the manifest gives no version");
            }
            return;
        }
        assertThat(tail).as(e.target() + " is tagged with its package's version")
                .containsExactly("LOAD_CONST_STRING '" + e.version() + "'", "STORE_NAME '__version__'",
                        "LOAD_CONST_NONE", "RETURN_VALUE");
    }
}
