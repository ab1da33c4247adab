package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.image.map.MapJson;
import freezer.image.map.MemoryMap;
import freezer.testkit.HexDiff;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code freezer freeze} end to end, in process: golden bytes through the command line, the
 * cache, thread counts, warnings and --strict, budgets, the map, bad manifests and bad usage.
 */
class FreezeCommandTest {
    private static final Path UNIX_HEADER = Shared.golden("firmware", "unix-standard", "qstrdefs.preprocessed.h");
    private static final Path QEMU_HEADER = Shared.golden("firmware", "qemu-mps2-an385", "qstrdefs.preprocessed.h");

    private static CliRun freeze(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "freeze";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(ModuleCompiler.MPY_CROSS, all);
    }

    private static Path project(String name) {
        return Shared.golden("freeze", name).toAbsolutePath().normalize();
    }

    /** The golden command's arguments for a project: its variables, the header, a build folder. */
    private static List<String> goldenArgs(String name, Path build, Path header) throws IOException {
        Path dir = project(name);
        List<String> args = new ArrayList<>(List.of("-o", build.resolve("frozen_content.c").toString(), "-b",
                build.toString(), "-q", header.toString(), "--mpy-tool-flags="));
        for (String line : Files.readAllLines(dir.resolve("vars"), StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                int eq = t.indexOf('=');
                args.add("-v");
                args.add(t.substring(0, eq) + "=" + dir + "/" + t.substring(eq + 1));
            }
        }
        args.add(dir.resolve("manifest.py").toString());
        return args;
    }

    /** The output with the machine's folders as the golden files have them. */
    private static byte[] normalised(Path build, String project) throws IOException {
        String text = Files.readString(build.resolve("frozen_content.c"), StandardCharsets.UTF_8);
        text = text.replace(build + "/frozen_mpy/", "build/frozen_mpy/").replace(project(project).toString(), "@PROJECT@");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertGolden(Path build, String project, Path expected) throws IOException {
        byte[] want = Files.readAllBytes(expected);
        byte[] got = normalised(build, project);
        assertThat(Arrays.equals(want, got)).as(() -> HexDiff.describe(want, got)).isTrue();
    }

    @TestFactory
    List<DynamicTest> goldenThroughTheCommandLine() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String p : List.of("sensor_node", "walks", "textonly", "empty")) {
            tests.add(DynamicTest.dynamicTest(p + " (unix)", () -> {
                Path build = Shared.targetDir("freeze-cli/" + p + "-unix");
                CliRun r = freeze(goldenArgs(p, build, UNIX_HEADER).toArray(String[]::new));
                assertThat(r.status()).as(r.stderr()).isZero();
                assertGolden(build, p, project(p).resolve("expected/frozen_content.c"));
            }));
        }
        tests.add(DynamicTest.dynamicTest("native_armv7m (qemu, -f-march=armv7m)", () -> {
            Path build = Shared.targetDir("freeze-cli/native-qemu");
            List<String> args = goldenArgs("native_armv7m", build, QEMU_HEADER);
            args.add(0, "-f-march=armv7m");
            CliRun r = freeze(args.toArray(String[]::new));
            assertThat(r.status()).as(r.stderr()).isZero();
            assertGolden(build, "native_armv7m", project("native_armv7m").resolve("expected/qemu-armv7m/frozen_content.c"));
        }));
        tests.add(DynamicTest.dynamicTest("constants, -mlongint-impl longlong with a space", () -> {
            Path build = Shared.targetDir("freeze-cli/longlong");
            List<String> args = goldenArgs("constants", build, UNIX_HEADER);
            args.set(args.indexOf("--mpy-tool-flags="), "--mpy-tool-flags=-mlongint-impl longlong");
            CliRun r = freeze(args.toArray(String[]::new));
            assertThat(r.status()).as(r.stderr()).isZero();
            assertThat(r.stderr()).contains("does not fit a C long long");
            assertGolden(build, "constants", project("constants").resolve("expected/longlong/frozen_content.c"));
        }));
        return tests;
    }

    /** A small project of our own under target/, to change. */
    private static Path copyMinimal(String name) throws IOException {
        Path dir = Shared.targetDir("freeze-cli/" + name);
        Files.writeString(dir.resolve("a.py"), "def f():\n    return 'a'\n");
        Files.writeString(dir.resolve("b.py"), "X = 'one'\n");
        Files.writeString(dir.resolve("manifest.py"), "module('a.py')\nmodule('b.py')\n");
        return dir;
    }

    private static CliRun freezeIn(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("-o", dir.resolve("build/frozen_content.c").toString(), "-b",
                dir.resolve("build").toString(), "-q", UNIX_HEADER.toString()));
        args.addAll(List.of(extra));
        args.add(dir.resolve("manifest.py").toString());
        return freeze(args.toArray(String[]::new));
    }

    @Test
    void anUnchangedRebuildCompilesNothingAndLeavesTheOutputAlone() throws Exception {
        Path dir = copyMinimal("cache");
        Path out = dir.resolve("build/frozen_content.c");
        CliRun first = freezeIn(dir);
        assertThat(first.status()).as(first.stderr()).isZero();
        assertThat(first.stdoutText()).contains("MPY a.py", "MPY b.py", "GEN ");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out, old);
        byte[] before = Files.readAllBytes(out);

        CliRun again = freezeIn(dir);
        assertThat(again.status()).as(again.stderr()).isZero();
        assertThat(again.stdoutText()).isEmpty();
        assertThat(Files.getLastModifiedTime(out)).isEqualTo(old);
        assertThat(Files.readAllBytes(out)).isEqualTo(before);

        Files.writeString(dir.resolve("b.py"), "X = 'two'\n");
        CliRun changed = freezeIn(dir);
        assertThat(changed.stdoutText()).contains("MPY b.py").doesNotContain("MPY a.py");
        assertThat(Files.readString(out)).contains("MP_QSTR_two").doesNotContain("MP_QSTR_one");

        Files.writeString(dir.resolve("manifest.py"), "module('b.py')\n");
        CliRun removed = freezeIn(dir);
        assertThat(removed.status()).as(removed.stderr()).isZero();
        assertThat(Files.readString(out)).doesNotContain("frozen_module_a").contains("frozen_module_b");
        try (Stream<Path> cached = Files.list(dir.resolve("build/freezer-cache"))) {
            assertThat(cached.filter(f -> f.toString().endsWith(".mpy")).count()).as("stale cache entries are deleted")
                    .isEqualTo(1);
        }
    }

    @Test
    void theOutputDoesNotDependOnTheThreadCount() throws Exception {
        Path one = Shared.targetDir("freeze-cli/threads-1");
        Path four = Shared.targetDir("freeze-cli/threads-4");
        List<String> a = goldenArgs("fleet", one, UNIX_HEADER);
        a.add(0, "-j1");
        List<String> b = goldenArgs("fleet", four, UNIX_HEADER);
        b.add(0, "--jobs=4");
        assertThat(freeze(a.toArray(String[]::new)).status()).isZero();
        assertThat(freeze(b.toArray(String[]::new)).status()).isZero();
        assertThat(normalised(four, "fleet")).isEqualTo(normalised(one, "fleet"));
        assertGolden(one, "fleet", project("fleet").resolve("expected/frozen_content.c"));
    }

    @Test
    void warningsForUpstreamsBrokenCAndStrictMakesThemErrors() throws Exception {
        Path build = Shared.targetDir("freeze-cli/specials");
        CliRun r = freeze(goldenArgs("float_specials", build, UNIX_HEADER).toArray(String[]::new));
        assertThat(r.status()).isZero();
        assertThat(r.stderr()).contains("warning: specials.py: float constant inf", "no C compiler accepts");
        assertGolden(build, "float_specials", project("float_specials").resolve("expected/frozen_content.c"));
        CliRun again = freeze(goldenArgs("float_specials", build, UNIX_HEADER).toArray(String[]::new));
        assertThat(again.status()).isZero();
        assertThat(again.stdoutText()).as("nothing compiled, nothing written").isEmpty();
        assertThat(again.stderr()).as("the warnings are said again").isEqualTo(r.stderr());

        Path strict = Shared.targetDir("freeze-cli/specials-strict");
        List<String> args = goldenArgs("float_specials", strict, UNIX_HEADER);
        args.add("--strict");
        CliRun s = freeze(args.toArray(String[]::new));
        assertThat(s.status()).isEqualTo(1);
        assertThat(s.stderr()).contains("--strict");
        assertThat(strict.resolve("frozen_content.c")).doesNotExist();

        Path qemu = Shared.targetDir("freeze-cli/specials-qemu");
        List<String> q = goldenArgs("float_specials", qemu, QEMU_HEADER);
        q.add("--target=qemu-armv7m");
        CliRun single = freeze(q.toArray(String[]::new));
        assertThat(single.stderr()).contains("single-precision float");
    }

    @Test
    void overTheBudgetExitsThreeNamingTheBiggestModules() throws Exception {
        Path build = Shared.targetDir("freeze-cli/budget");
        List<String> args = goldenArgs("sensor_node", build, UNIX_HEADER);
        args.add("--max-rom");
        args.add("1000");
        args.add("--map=" + build.resolve("map.json"));
        CliRun r = freeze(args.toArray(String[]::new));
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.stderr()).contains("over the budget of 1000 bytes", "biggest contributors", "app.py");
        assertThat(build.resolve("frozen_content.c")).doesNotExist();
        MemoryMap map = MapJson.read(Files.readAllBytes(build.resolve("map.json")));
        assertThat(map.total()).isGreaterThan(1000);
        assertThat(map.units()).extracting(u -> u.path()).contains("app.py", "selftest.py");
    }

    @Test
    void aModuleBudgetFromAJsonManifest() throws Exception {
        Path dir = copyMinimal("json-budget");
        Files.writeString(dir.resolve("m.json"), "{\"format\": \"freezer-manifest\", \"schemaVersion\": 1, \"modules\": ["
                + "{\"source\": \"a.py\", \"target\": \"a.py\", \"maxRom\": 50}, {\"source\": \"b.py\"}]}");
        CliRun r = freeze("-o", dir.resolve("out.c").toString(), "-q", UNIX_HEADER.toString(),
                dir.resolve("m.json").toString());
        assertThat(r.status()).as(r.stderr()).isEqualTo(3);
        assertThat(r.stderr()).contains("module a.py is", "over its budget of 50 bytes", "biggest functions");
        assertThat(dir.resolve("out.c")).doesNotExist();
    }

    @Test
    void theMapTableOnStandardOutput() throws Exception {
        Path dir = copyMinimal("table");
        CliRun r = freeze("-q", UNIX_HEADER.toString(), "--map", "-", "--target", "qemu-armv7m",
                dir.resolve("manifest.py").toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdoutText()).contains("memory map: frozen-c for qemu-armv7m", "a.py", "b.py", "total ");
    }

    @TestFactory
    List<DynamicTest> badManifestsFailWritingNothing() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(Shared.golden("freeze", "bad"))) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Path build = Shared.targetDir("freeze-cli/bad-" + name);
                    List<String> args = new ArrayList<>(List.of("-o", build.resolve("frozen_content.c").toString(), "-b",
                            build.toString(), "-q", UNIX_HEADER.toString(), "-v", "MPY_LIB_DIR=" + p.resolve("lib"),
                            p.resolve("manifest.py").toString()));
                    CliRun r = freeze(args.toArray(String[]::new));
                    assertThat(r.status()).as(r.stderr()).isEqualTo(1);
                    assertThat(build.resolve("frozen_content.c")).doesNotExist();
                    String expected = Files.readString(p.resolve("expected/manifest-error.txt"));
                    // the module or manifest at fault, and a line number
                    assertThat(r.stderr()).containsPattern("(manifest\\.py:\\d+|\\.py:\\d+)");
                    if (expected.contains("error compiling")) {
                        assertThat(r.stderr()).contains("broken.py").containsPattern("broken\\.py:4:");
                    } else {
                        assertThat(r.stderr()).contains(p.resolve("manifest.py").toString());
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(freeze().status()).isEqualTo(2);
        assertThat(freeze("-f", "-march=armv7m", "m.py").stderr()).contains("expected one argument");
        assertThat(freeze("--mpy", "x", "m.py").stderr()).contains("ambiguous option");
        assertThat(freeze("--target", "pdp11", "-q", "h", "m.py").stderr()).contains("is not a target");
        assertThat(freeze("--mpy-tool-flags=-mlongint-impl big", "-q", "h", "m.py").stderr()).contains("invalid choice");
        assertThat(freeze("-f-march=vax", "-q", "h", "m.py").status()).isEqualTo(2);
        assertThat(freeze("m.py").stderr()).contains("no qstr header");
        assertThat(freeze("--help").status()).isZero();
    }

    @Test
    void freezersOwnOptionsBesideMakemanifestsThroughItsArgparse() throws Exception {
        var a = freezer.image.manifest.MakeManifestArgs.parse(List.of("--out", "o.c", "-f-march=armv7m", "-j", "3",
                "--word-size=4", "--float-size", "4", "--obj-repr", "C", "--persistent-code-save", "1", "x.py"));
        assertThat(a.output()).isEqualTo("o.c");
        assertThat(a.jobs()).isEqualTo("3");
        assertThat(a.targetValues()).isEqualTo(new freezer.image.manifest.MakeManifestArgs.TargetValues("4", "4", "C",
                "1"));
        var t = TargetOptions.target(a);
        assertThat(t.name()).isEqualTo("custom");
        assertThat(t.wordSize()).isEqualTo(4);
        assertThat(t.persistentCodeSave()).isTrue();
    }
}
