package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.image.map.ItemKind;
import freezer.image.map.MapFunction;
import freezer.image.map.MapItem;
import freezer.image.map.MapJson;
import freezer.image.map.MapKind;
import freezer.image.map.MapSection;
import freezer.image.map.MapTotal;
import freezer.image.map.MapUnit;
import freezer.image.map.MemoryMap;
import freezer.image.map.UnitKind;
import freezer.testkit.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code freezer report}: formats, output files, --diff and its exit status (docs/report.md). */
class ReportCommandTest {
    private static Path dir;
    private static Path small;
    private static Path big;

    @BeforeAll
    static void maps() throws Exception {
        dir = Shared.targetDir("report-cli");
        small = dir.resolve("small.json");
        big = dir.resolve("big.json");
        Files.write(small, MapJson.write(map(100)));
        Files.write(big, MapJson.write(map(160)));
    }

    /** A frozen-C map of one module whose one function has {@code code} bytes of bytecode. */
    private static MemoryMap map(long code) {
        MapItem bytecode = new MapItem("fun_data_m_f", ItemKind.BYTECODE, ".rodata.fun_data_m_f", code, null, null);
        MapItem table = new MapItem("frozen_module_m", ItemKind.FROZEN_MODULE, ".rodata.frozen_module_m", 24, null, null);
        MapItem pool = new MapItem("mp_qstr_frozen_const_pool", ItemKind.QSTR_POOL, ".rodata.pool", 16, null, null);
        MapUnit m = new MapUnit("m.py", UnitKind.COMPILED, "m.py", "", code + 24,
                List.of(table), List.of(new MapFunction("m_f", "f", "bytecode", code, List.of(bytecode))), null);
        long total = code + 24 + 16;
        return new MemoryMap(1, MapKind.FROZEN_C, "test", null, total, List.of(new MapSection(".rodata", total)),
                List.of(m), List.of(pool), List.of(new MapTotal("", code + 24, 1)), null);
    }

    private static CliRun report(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "report";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(ModuleCompiler.MPY_CROSS, all);
    }

    @Test
    void theTableAddsUpToTheTotal() {
        CliRun r = report(small.toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdoutText()).isEqualTo(""
                + "module        kind  bytecode  constants  qstrs  tables  total      %\n"
                + "m.py      compiled       100          0      0      24    124   88.6\n"
                + "(shared)                   0          0     16       0     16   11.4\n"
                + "total                    100          0     16      24    140  100.0\n");
    }

    @Test
    void everyFormatWritesToAFileWhenAsked() throws Exception {
        for (String f : List.of("table", "tree", "csv", "json", "markdown", "html")) {
            Path out = dir.resolve("report." + f);
            CliRun r = report(small.toString(), "--format", f, "-o", out.toString(), "--budget", "200");
            assertThat(r.status()).as(f + ": " + r.stderr()).isZero();
            assertThat(r.stdout()).isEmpty();
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).as(f).contains("124");
        }
        assertThat(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .doesNotContain("@@DATA@@").doesNotContain("src=\"http");
    }

    @Test
    void aDiffOverTheThresholdExits3() {
        CliRun grew = report("--diff", small.toString(), big.toString(), "--fail-over", "50");
        assertThat(grew.status()).isEqualTo(ExitStatus.OVER_BUDGET);
        assertThat(grew.stdoutText()).contains("m.py    124  184    +60  +48.4  grew");
        assertThat(grew.stderr()).contains("grew by more than --fail-over 50 bytes");
        assertThat(report("--diff", small.toString(), big.toString(), "--fail-over", "60").status()).isZero();
        assertThat(report("--diff", small.toString(), big.toString(), "--fail-over", "42%").status())
                .isEqualTo(ExitStatus.OVER_BUDGET);
        assertThat(report("--diff", small.toString(), big.toString(), "--fail-over", "43%").status()).isZero();
        assertThat(report("--diff", big.toString(), small.toString(), "--fail-over", "0").status()).isZero();
        CliRun md = report("--diff", small.toString(), big.toString(), "--format", "markdown");
        assertThat(md.stdoutText()).startsWith("**Firmware size: 200 bytes (+60, +42.9%)**");
    }

    @Test
    void aMapFreezeWroteReportsToItsTotal() throws Exception {
        Path project = Shared.golden("freeze", "sensor_node").toAbsolutePath().normalize();
        Path build = Shared.targetDir("report-cli/freeze");
        Path map = build.resolve("map.json");
        CliRun frozen = CliRun.run(ModuleCompiler.MPY_CROSS, "freeze", "-b", build.toString(), "-q",
                Shared.golden("firmware", "qemu-mps2-an385", "qstrdefs.preprocessed.h").toString(),
                "--target=qemu-armv7m", "-v", "MPY_LIB_DIR=" + project.resolve("lib"), "-v",
                "COMMON=" + project.resolve("shared_parts"), "--map=" + map, project.resolve("manifest.py").toString());
        assertThat(frozen.status()).as(frozen.stderr()).isZero();
        long total = MapJson.read(Files.readAllBytes(map)).total();
        CliRun table = report(map.toString());
        assertThat(table.status()).as(table.stderr()).isZero();
        assertThat(table.stdoutText().lines().filter(l -> l.startsWith("total ")).findFirst().orElseThrow())
                .endsWith(" " + total + "  100.0");
        Path html = build.resolve("map.html");
        assertThat(report(map.toString(), "--format", "html", "-o", html.toString()).status()).isZero();
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("<title>map.json</title>");
    }

    @Test
    void badInputAndUsage() throws Exception {
        Path notMap = dir.resolve("not-a-map.json");
        Files.writeString(notMap, "{\"schema_version\": 99}");
        CliRun r = report(notMap.toString());
        assertThat(r.status()).isEqualTo(ExitStatus.ERROR);
        assertThat(r.stderr()).contains("schema_version 99");
        assertThat(report(dir.resolve("missing.json").toString()).status()).isEqualTo(ExitStatus.ERROR);
        assertThat(report(small.toString(), "--format", "pdf").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(report(small.toString(), "--fail-over", "5").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(report("--diff", small.toString()).status()).isEqualTo(ExitStatus.USAGE);
        assertThat(report("--diff", small.toString(), big.toString(), "--fail-over", "lots").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(report("--diff", small.toString(), big.toString(), "--format", "tree").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(report(small.toString(), "--depth", "0").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(report(small.toString(), "--sort", "colour").status()).isEqualTo(ExitStatus.USAGE);
    }
}
