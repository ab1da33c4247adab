package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code freezer manifest}: what manifests resolve to, as a table or JSON, and their errors. */
class ManifestCommandTest {
    private static final Path SENSOR = CommandRun.golden("freeze/sensor_node").toAbsolutePath().normalize();
    private static final Path WALKS = CommandRun.golden("freeze/walks").toAbsolutePath().normalize();

    private static CliRun run(String... args) {
        return CliRun.run(ModuleCompiler.MPY_CROSS, args);
    }

    @Test
    void aTableOfEveryModuleInOrder() {
        CliRun r = run("manifest", SENSOR.resolve("manifest.py").toString(), "-v", "MPY_LIB_DIR=" + SENSOR.resolve("lib"),
                "-v", "COMMON=" + SENSOR.resolve("shared_parts"));
        assertThat(r.status()).as(r.stderr()).isZero();
        String[] lines = r.stdoutText().split("\n");
        assertThat(lines[0]).matches("kind +opt +frozen name +source +notes");
        assertThat(lines[1]).matches("compile +-O0 +pins\\.py +" + SENSOR + "/board/pins\\.py +version 1\\.4\\.0");
        assertThat(r.stdoutText()).containsPattern("compile +-O3 +settings\\.py ")
                .containsPattern("str +- +checks/quick\\.py +" + SENSOR + "/scripts/checks/quick\\.py\n");
        assertThat(lines[lines.length - 1]).isEqualTo("25 modules: 23 compiled, 0 prebuilt .mpy, 2 as source text");
    }

    @Test
    void prebuiltMpyFilesShowTheNameStoredInThem() {
        CliRun r = run("manifest", WALKS.resolve("manifest.py").toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdoutText()).containsPattern("mpy +- +alias_mod\\.py +" + WALKS + "/prebuilt/renamed\\.mpy");
    }

    @Test
    void jsonThatFreezeTakesBack() throws Exception {
        CliRun r = run("manifest", "--json", SENSOR.resolve("manifest.py").toString(), "--var",
                "MPY_LIB_DIR=" + SENSOR.resolve("lib"), "-v", "COMMON=" + SENSOR.resolve("shared_parts"));
        assertThat(r.status()).as(r.stderr()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        assertThat(json.get("format").asText()).isEqualTo("freezer-manifest");
        assertThat(json.get("modules")).hasSize(25);
        JsonNode first = json.get("modules").get(0);
        assertThat(first.get("source").asText()).isEqualTo(SENSOR.resolve("board/pins.py").toString());
        assertThat(first.get("target").asText()).isEqualTo("pins.py");
        assertThat(first.get("kind").asText()).isEqualTo("compile");
        assertThat(first.get("version").asText()).isEqualTo("1.4.0");
        assertThat(first.get("origin").get("line").asInt()).isEqualTo(2);
    }

    @Test
    void aBadManifestIsNamedWithItsLineAndExitStatus1() {
        Path bad = CommandRun.golden("freeze/bad/unknown_function/manifest.py").toAbsolutePath().normalize();
        CliRun r = run("manifest", bad.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo(bad + ":3:1: name 'freeze_all' is not defined (it is not part of the manifest API,"
                + " nor assigned before this line)\n    freeze_all(\"src\")\n    ^\n");
    }

    @Test
    void anErrorInManifestCodeShowsTheCode() {
        CliRun r = run("manifest", "module('a.py'");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("<manifest code>:1:7: '(' was never closed\n    module('a.py'\n          ^\n");
    }

    @Test
    void usageErrors() {
        assertThat(run("manifest").status()).isEqualTo(2);
        CliRun noEquals = run("manifest", "-v", "NOEQUALS", "m.py");
        assertThat(noEquals.status()).isEqualTo(2);
        assertThat(noEquals.stderr()).contains("-v/--var takes NAME=VALUE");
    }
}
