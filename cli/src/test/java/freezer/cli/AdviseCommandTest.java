package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import freezer.testkit.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code freezer advise}: its inputs, outputs and exit statuses (docs/advise.md). */
class AdviseCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> sample() throws Exception {
        Path root = ProcessRun.repoRoot().resolve("samples/weather-station");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().map(Path::toString).toList();
        }
    }

    private static CliRun advise(List<String> args) {
        List<String> all = new ArrayList<>(List.of("advise"));
        all.addAll(args);
        return CliRun.run(ModuleCompiler.MPY_CROSS, all.toArray(new String[0]));
    }

    @Test
    void advisesOnFilesNamedAsPythonImportsThem() throws Exception {
        CliRun r = advise(sample());
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdoutText()).startsWith("freezer advise: target qemu-armv7m (4-byte words, 16-byte heap blocks;")
                .contains("(module drivers.bme280): 512 bytes of RAM at import")
                .contains("(module drivers): 64 bytes of RAM at import")
                .contains("total: 5 modules, 1264 bytes of RAM at import");
    }

    @Test
    void theImportRamBudgetExits3WhenExceeded() throws Exception {
        List<String> args = new ArrayList<>(sample());
        args.addAll(List.of("--max-import-ram", "1000"));
        CliRun over = advise(args);
        assertThat(over.status()).isEqualTo(ExitStatus.OVER_BUDGET);
        assertThat(over.stderr()).contains("takes about 1264 bytes of RAM, over --max-import-ram 1000");
        args.set(args.size() - 1, "1264");
        assertThat(advise(args).status()).isZero();
    }

    @Test
    void jsonSaysWhatTheTargetIs() throws Exception {
        List<String> args = new ArrayList<>(sample());
        args.addAll(List.of("--json", "--target", "unix-x64", "-q",
                Shared.golden("firmware", "unix-standard", "qstrdefs.preprocessed.h").toString()));
        CliRun r = advise(args);
        assertThat(r.status()).as(r.stderr()).isZero();
        JsonNode root = MAPPER.readTree(r.stdout());
        assertThat(root.get("format").asText()).isEqualTo("freezer-advise");
        assertThat(root.get("target").get("wordBytes").asInt()).isEqualTo(8);
        assertThat(root.get("target").get("qstrHeader").asBoolean()).isTrue();
        assertThat(root.get("totals").get("importBytes").asLong()).isEqualTo(2 * 1264);
    }

    @Test
    void aManifestGivesTheModulesItFreezesUnderTheirFrozenNames() throws Exception {
        Path project = Shared.golden("freeze", "sensor_node");
        CliRun r = advise(List.of("--manifest", project.resolve("manifest.py").toString(),
                "-v", "MPY_LIB_DIR=" + project.resolve("lib"), "-v", "COMMON=" + project.resolve("shared_parts"),
                "--json"));
        assertThat(r.status()).as(r.stderr()).isZero();
        List<String> modules = new ArrayList<>();
        MAPPER.readTree(r.stdout()).get("modules").forEach(m -> modules.add(m.get("module").asText()));
        assertThat(modules).contains("app", "pins", "ui", "ui.screen", "drivers.sensors.climate");
        // the manifest's metadata(version=) is appended to what is frozen, so it takes a slot
        assertThat(r.stdoutText()).contains("\"name\" : \"__version__\"");
    }

    @Test
    void aBadManifestIsAnErrorNamingWhere() {
        Path project = Shared.golden("freeze", "bad", "unknown_function");
        CliRun r = advise(List.of("--manifest", project.resolve("manifest.py").toString()));
        assertThat(r.status()).isEqualTo(ExitStatus.ERROR);
        assertThat(r.stderr()).contains("manifest.py:");
    }

    @Test
    void aModuleTheCompilerRejectsIsAnErrorTheOthersStillGetAdvice() throws Exception {
        Path dir = Shared.targetDir("advise-cli");
        Path bad = dir.resolve("bad.py");
        Files.writeString(bad, "x = (1,\n");
        Path good = dir.resolve("good.py");
        Files.writeString(good, "X = 1\nprint(X)\n");
        CliRun r = advise(List.of(good.toString(), bad.toString()));
        assertThat(r.status()).isEqualTo(ExitStatus.ERROR);
        assertThat(r.stderr()).contains(bad + ":2:1: SyntaxError");
        assertThat(r.stdoutText()).contains("(module good)");
    }

    @Test
    void usageErrorsExit2() throws Exception {
        assertThat(advise(List.of()).status()).isEqualTo(ExitStatus.USAGE);
        assertThat(advise(List.of("--manifest", "m.py", "x.py")).status()).isEqualTo(ExitStatus.USAGE);
        CliRun target = advise(List.of("--target", "esp32", sample().get(0)));
        assertThat(target.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(target.stderr()).contains("unknown target 'esp32' (known: unix-x64, qemu-armv7m)");
        assertThat(advise(List.of("--max-import-ram", "-1", sample().get(0))).status()).isEqualTo(ExitStatus.USAGE);
        assertThat(advise(List.of("-v", "A=b", sample().get(0))).status()).isEqualTo(ExitStatus.USAGE);
    }
}
