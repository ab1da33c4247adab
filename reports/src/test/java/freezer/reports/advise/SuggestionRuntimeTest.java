package freezer.reports.advise;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.CompileOptions;
import freezer.core.MpyCompiler;
import freezer.image.layout.Target;
import freezer.testkit.GoldenCompile;
import freezer.testkit.RuntimeRunner;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The advisor's suggestions are right: each one, applied alone to a program, leaves what the
 * program prints unchanged on MicroPython (../shared/runtime) and does not make the RAM it
 * allocates grow. The programs are every golden program that mpy-cross accepts, the bundled
 * sample, and the test's own programs in src/test/resources/advise (which also hold code the
 * advisor must leave alone).
 *
 * <p>Each program runs as a module imported by a driver, twice. The module reads
 * {@code gc.mem_alloc()} on its first and last line (the runtime never collects while Python
 * runs, so the difference counts everything its top level allocates); on the second import
 * every qstr the module makes already exists, so this counts its objects alone: the RAM a
 * frozen module costs, whose code, constants and qstrs stay in flash. That must not grow.
 * What the first import allocates in all (the .mpy loaded into RAM as well) is reported, not
 * checked: qstrs and constant objects cost RAM there that they do not cost frozen.
 */
class SuggestionRuntimeTest {
    private static final String MARK = "##advise ";
    private static final String PREFIX = "_advise_t[0] = _advise_m()\n";
    private static final String SUFFIX = "_advise_t[1] = _advise_m()\n";
    private static final int PROGRAMS_PER_BATCH = 20;

    /** One program and the edits to try on it. */
    private record Program(String id, String module, String file, byte[] source, List<Finding> findings) {
    }

    /** One run: a program as written or with one edit made. */
    private record Run(String target, Program program, Finding finding) {
    }

    /** What a run printed and allocated. */
    private record Outcome(String status, String stdout, String stderr, long total, Long exec) {
    }

    @Test
    void everySuggestionKeepsWhatTheProgramPrintsAndDoesNotGrowItsRam() throws IOException {
        List<Program> programs = new ArrayList<>();
        for (Path group : GoldenCompile.groups("ok")) {
            for (GoldenCompile.Program p : GoldenCompile.programs(group)) {
                programs.add(advised("golden/" + p.group() + "/" + p.name(), p.name(), p.sourceName(),
                        Files.readAllBytes(p.source())));
            }
        }
        for (Path p : AdviceFixtures.programs()) {
            String name = p.getFileName().toString().replace(".py", "");
            programs.add(advised("own/" + name, name, name + ".py", Files.readAllBytes(p)));
        }

        Path work = Shared.targetDir("advise-runtime");
        List<Run> runs = new ArrayList<>();
        Map<FindingKind, Integer> tried = new EnumMap<>(FindingKind.class);
        Map<String, RuntimeRunner.Result> results = new HashMap<>();
        // a few programs to a folder: the runner copies a folder's every .mpy into each fresh runtime
        for (int from = 0; from < programs.size(); from += PROGRAMS_PER_BATCH) {
            Path dir = Files.createDirectories(work.resolve("batch" + from));
            List<String> targets = new ArrayList<>();
            for (Program p : programs.subList(from, Math.min(programs.size(), from + PROGRAMS_PER_BATCH))) {
                runs.add(prepare(dir, runs.size(), p, null));
                targets.add(runs.get(runs.size() - 1).target());
                for (Finding f : p.findings()) {
                    runs.add(prepare(dir, runs.size(), p, f));
                    targets.add(runs.get(runs.size() - 1).target());
                    tried.merge(f.kind(), 1, Integer::sum);
                }
            }
            results.putAll(RuntimeRunner.runBatch(dir, targets, 60));
        }

        List<String> problems = new ArrayList<>();
        List<String> loadedGrew = new ArrayList<>();
        Outcome original = null;
        for (Run r : runs) {
            Outcome o = outcome(results.get(r.target()));
            if (r.finding() == null) {
                original = o;
                continue;
            }
            String where = r.program().id() + ": " + r.finding().kind().label() + " at " + r.finding().line() + ":"
                    + r.finding().column() + " (" + r.finding().suggestion() + ")";
            if (!o.status().equals(original.status()) || !o.stdout().equals(original.stdout())
                    || !o.stderr().equals(original.stderr())) {
                problems.add(where + ": the program behaves differently:\n--- as written: " + original
                        + "\n--- edited: " + o);
            } else if (o.exec() != null && original.exec() != null && o.exec() > original.exec()) {
                problems.add(where + ": the module's top level allocates " + o.exec() + " bytes, not "
                        + original.exec());
            } else if (o.total() > original.total()) {
                loadedGrew.add(where + ": " + original.total() + " -> " + o.total());
            }
        }
        assertThat(problems).as("suggestions that are wrong").isEmpty();
        // information, not a failure: loaded from a .mpy (not frozen), code, qstrs and constants are RAM too
        System.out.println("advise: " + (runs.size() - programs.size()) + " suggestions tried; "
                + loadedGrew.size() + " made the RAM of the loaded .mpy grow:\n  " + String.join("\n  ", loadedGrew));
        // the test means something only if every kind of suggestion was tried, and often
        assertThat(tried.keySet()).containsExactlyInAnyOrder(FindingKind.values());
        assertThat(tried.get(FindingKind.CONST)).isGreaterThan(100);
        assertThat(tried.get(FindingKind.LITERAL)).isGreaterThan(10);
        assertThat(tried.get(FindingKind.LOOP_GLOBAL)).isGreaterThan(5);
    }

    private static Program advised(String id, String module, String file, byte[] source) {
        Advisor.Result r = new Advisor(Firmware.of(Target.QEMU_ARMV7M))
                .advise(List.of(new ModuleSource(module, file, source, false)));
        assertThat(r.rejected()).as(id).isEmpty();
        assertThat(r.droppedEdits()).as(id + ": suggested edits the compiler rejects").isZero();
        List<Finding> findings = new ArrayList<>();
        r.advice().modules().forEach(m -> findings.addAll(m.findings()));
        return new Program(id, module, file, source, findings);
    }

    /**
     * Writes the module (as written, or edited) with the measuring lines around it, compiled, in
     * a folder of its own, and a driver that imports it.
     */
    private static Run prepare(Path run, int n, Program p, Finding f) throws IOException {
        byte[] source = f == null ? p.source() : f.edit().apply(p.source());
        String dir = "m" + n;
        Path moduleDir = Files.createDirectories(run.resolve(dir));
        byte[] measured = concat(PREFIX.getBytes(StandardCharsets.UTF_8), source, endsWithNewline(source) ? new byte[0]
                : "\n".getBytes(StandardCharsets.UTF_8), SUFFIX.getBytes(StandardCharsets.UTF_8));
        Files.write(moduleDir.resolve(p.module() + ".mpy"), MpyCompiler.compileToMpy(measured, p.file(),
                CompileOptions.DEFAULT.withSourceName(p.file())));
        String driver = "d" + n;
        String code = "import builtins, gc, sys\n"
                + "builtins._advise_t = [0, 0]\n"
                + "builtins._advise_m = gc.mem_alloc\n"
                + "sys.path.insert(0, '" + dir + "')\n"
                + "_a = gc.mem_alloc()\n"
                + "import " + p.module() + "\n"
                + "_b = gc.mem_alloc()\n"
                // again: every qstr the module makes now exists, so the second run allocates only objects
                + "del sys.modules['" + p.module() + "']\n"
                + "_advise_t[1] = 0\n"
                + "import " + p.module() + "\n"
                + "print('" + MARK + "%d %d %d' % (_b - _a, _advise_t[0], _advise_t[1]))\n";
        Files.write(run.resolve(driver + ".mpy"), MpyCompiler.compileToMpy(code.getBytes(StandardCharsets.UTF_8),
                driver + ".py", CompileOptions.DEFAULT.withSourceName(driver + ".py")));
        return new Run(driver, p, f);
    }

    private static Outcome outcome(RuntimeRunner.Result r) {
        String out = r.stdoutText();
        int mark = out.lastIndexOf(MARK);
        if (mark < 0) {
            return new Outcome(r.status(), out, r.stderrText(), 0, null);
        }
        String[] figures = out.substring(mark + MARK.length()).strip().split(" ");
        long start = Long.parseLong(figures[1]);
        long end = Long.parseLong(figures[2]);
        // a module that ends early (sys.exit at its top level) never reaches its last line
        Long exec = end == 0 ? null : end - start;
        return new Outcome(r.status(), out.substring(0, mark), r.stderrText(), Long.parseLong(figures[0]), exec);
    }

    private static boolean endsWithNewline(byte[] b) {
        return b.length > 0 && (b[b.length - 1] == '\n' || b[b.length - 1] == '\r');
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
