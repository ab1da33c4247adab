package freezer.reports.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import freezer.image.layout.Target;
import freezer.reports.ExpectedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The advice, text and JSON, byte for byte as the expected files under
 * src/test/resources/advise/expected have it: for each of the test's programs and for the
 * bundled sample, on both target presets.
 */
class AdviceOutputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Target t : Target.presets().values()) {
            for (Path p : AdviceFixtures.programs()) {
                out.add(Arguments.of(p.getFileName().toString().replace(".py", ""), t));
            }
            out.add(Arguments.of("weather-station", t));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void textAndJsonAreAsExpected(String name, Target target) throws IOException {
        Advice advice = advise(name, target);
        Path dir = AdviceFixtures.resources().resolve("expected");
        ExpectedFiles.check(dir.resolve(name + "." + target.name() + ".txt"), AdviceText.render(advice));
        String json = AdviceJson.render(advice);
        ExpectedFiles.check(dir.resolve(name + "." + target.name() + ".json"), json);
        JsonNode root = MAPPER.readTree(json);
        assertThat(root.get("format").asText()).isEqualTo(AdviceJson.FORMAT);
        assertThat(root.get("totals").get("importBytes").asLong()).isEqualTo(advice.importBytes());
    }

    @Test
    void theSampleGetsAdviceOnEveryModuleAndWordSizeDoubles() throws IOException {
        Advice small = advise("weather-station", Target.QEMU_ARMV7M);
        Advice big = advise("weather-station", Target.UNIX_X64);
        assertThat(small.modules()).extracting(ModuleAdvice::module)
                .containsExactly("config", "drivers", "drivers.bme280", "main", "sim");
        // every size here is a whole number of words, so the 64-bit target needs exactly twice as much
        assertThat(big.importBytes()).isEqualTo(2 * small.importBytes());
    }

    /** A fixture program alone, or the sample's modules together. */
    static Advice advise(String name, Target target) throws IOException {
        List<ModuleSource> sources = new ArrayList<>();
        if (name.equals("weather-station")) {
            Path root = AdviceFixtures.sample();
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    String module = rel.replace(".py", "").replace("/__init__", "").replace('/', '.');
                    sources.add(new ModuleSource(module, rel, Files.readAllBytes(p), rel.endsWith("__init__.py")));
                }
            }
        } else {
            Path p = AdviceFixtures.resources().resolve(name + ".py");
            sources.add(new ModuleSource(name, name + ".py", Files.readAllBytes(p), false));
        }
        Advisor.Result r = new Advisor(Firmware.of(target)).advise(sources);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.droppedEdits()).isZero();
        return r.advice();
    }
}
