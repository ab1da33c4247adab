package freezer.image.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Manifest trees written to reach the corners of the manifest API and language (loops,
 * formatting, options and defaults, includes of lists and folders, a manifest included twice,
 * metadata set after the files it tags, requires through three libraries with dependencies,
 * add_library with prepend and library=, packages with files= and base_path, every freeze
 * function, walk order of mixed-case and non-ASCII names, hidden and upper-case .py files,
 * manifest code after a file), each with what upstream's tools/manifestfile.py resolved
 * (recorded by running it under CPython 3.11.7, in {@code upstream.json}): freezer must
 * resolve the same files, targets, kinds, optimisation levels and versions, in the same order.
 */
class UpstreamCasesTest {
    private static final Path CASES = Path.of("src/test/resources/manifest-cases").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> resolvesAsUpstream() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(CASES)) {
            for (Path c : s.filter(Files::isDirectory).sorted().toList()) {
                JsonNode jobs = JSON.readTree(c.resolve("upstream.json").toFile()).get("jobs");
                for (int i = 0; i < jobs.size(); i++) {
                    JsonNode job = jobs.get(i);
                    tests.add(DynamicTest.dynamicTest(c.getFileName() + " #" + (i + 1), () -> check(c, job)));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(6);
        return tests.stream();
    }

    private static void check(Path caseDir, JsonNode job) {
        String dir = caseDir.toString();
        Map<String, String> vars = new LinkedHashMap<>();
        job.get("vars").properties().forEach(e -> vars.put(e.getKey(), e.getValue().asText().replace("@CASE@", dir)));
        List<ManifestInput> inputs = new ArrayList<>();
        job.get("inputs").forEach(i -> inputs.add(ManifestInput.of(i.asText().replace("@CASE@", dir))));
        ManifestEvaluator evaluator = new ManifestEvaluator(PathVariables.of(vars), caseDir);
        JsonNode upstream = job.get("upstream");
        if (upstream.has("error")) {
            assertThatThrownBy(() -> evaluator.evaluate(inputs)).isInstanceOf(ManifestError.class);
            return;
        }
        List<String> expected = new ArrayList<>();
        upstream.get("modules").forEach(m -> expected.add(describe(m.get("kind").asText(), m.get("source").asText(),
                m.get("target").asText(), m.get("opt").asInt(), m.get("version").isNull() ? null
                        : m.get("version").asText())));
        List<String> actual = new ArrayList<>();
        for (ManifestEntry e : evaluator.evaluate(inputs).entries()) {
            actual.add(describe(JsonManifest.kindName(e.kind()), e.source().toString().replace(dir, "@CASE@"),
                    e.target(), e.opt(), e.version()));
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static String describe(String kind, String source, String target, int opt, String version) {
        return kind + " -O" + opt + " " + target + " <- " + source + (version == null ? "" : " version " + version);
    }

    static {
        if (!Files.isDirectory(CASES)) {
            throw new UncheckedIOException(new IOException("no " + CASES + ": run the tests from the module folder"));
        }
    }
}
