package freezer.cli.bench;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.MpyCompiler;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One benchmark run over a corpus: freezer cold (a new JVM compiling the whole tree in batch
 * mode, as a build would run it), freezer warm (rounds in this JVM, sources already in memory),
 * and upstream's mpy-cross one process per file when there is one to run. Prints a table.
 */
public final class Bench {
    /** JVM options of this run that must not reach the measured child. */
    private static final List<String> NOT_INHERITED = List.of(
            "-XX:ArchiveClassesAtExit", "-agentlib:", "-javaagent:", "-Xrunjdwp", "-Xdebug");

    public record Settings(Path corpus, int copies, int rounds, int jobs, String mpyCross, int mpyCrossJobs) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final Path scratch;
    private BenchCorpus corpus;

    public Bench(Settings settings, PrintStream out, Path scratch) {
        this.settings = settings;
        this.out = out;
        this.scratch = scratch;
    }

    /** Runs every part; returns false when a measured run failed (its error is printed). */
    public boolean run() throws IOException, InterruptedException {
        corpus = BenchCorpus.copy(settings.corpus(), settings.copies(), scratch.resolve("src"));
        if (corpus.files().isEmpty()) {
            out.println("freezer bench: no .py files under " + settings.corpus());
            return false;
        }
        out.printf(Locale.ROOT, "corpus: %d files, %.1f MB (%d .py files under %s, %d %s)%n",
                corpus.files().size(), corpus.bytes() / 1e6, corpus.distinct(), settings.corpus(),
                settings.copies(), settings.copies() == 1 ? "copy" : "copies");
        out.println("machine: " + Machine.describe());
        out.println();
        out.printf(Locale.ROOT, "%-56s %8s %8s %10s%n", "run", "wall s", "CPU s", "peak RSS");
        Row cold = cold();
        if (cold == null) {
            return false;
        }
        warm();
        Row upstream = null;
        if (settings.mpyCross() != null) {
            upstream = mpyCross();
        }
        out.println();
        if (upstream != null) {
            out.printf(Locale.ROOT, "cold freezer / mpy-cross loop: %.2f of the wall time, %s of the CPU time%n",
                    ratio(cold.wall(), upstream.wall()),
                    cold.cpu().isPresent() && upstream.cpu().isPresent()
                            ? String.format(Locale.ROOT, "%.2f", (double) cold.cpu().getAsLong() / upstream.cpu().getAsLong())
                            : "n/a");
            compareOutputs();
        }
        return true;
    }

    private record Row(Duration wall, OptionalLong cpu) {
    }

    private Row cold() throws IOException, InterruptedException {
        Path outDir = scratch.resolve("out-freezer");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(inheritedJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "freezer.cli.Main", "compile",
                "--root", corpus.root().toString(), "--out-dir", outDir.toString(),
                "--jobs", Integer.toString(settings.jobs())));
        OptionalLong cpu0 = ProcessMeter.childrenCpuNanos();
        ProcessMeter.Run r = ProcessMeter.run(cmd, scratch.resolve("cold.out"), scratch.resolve("cold.err"));
        OptionalLong cpu = minus(ProcessMeter.childrenCpuNanos(), cpu0);
        // exit 1 with a summary line is a tree where some files were rejected, as mpy-cross rejects them
        boolean finished = r.status() == 0 || (r.status() == 1
                && Files.readString(scratch.resolve("cold.out"), StandardCharsets.UTF_8).contains("freezer: compiled "));
        if (!finished) {
            out.println("freezer bench: the cold run failed (exit " + r.status() + "):");
            Files.readAllLines(scratch.resolve("cold.err"), StandardCharsets.UTF_8).stream().limit(20)
                    .forEach(l -> out.println("  " + l));
            return null;
        }
        long rejected = corpus.files().stream()
                .filter(f -> !Files.exists(outDir.resolve(BenchCorpus.mpyName(f)))).count();
        row("freezer cold: one new JVM, " + jobsText() + (rejected == 0 ? "" : ", " + rejected + " rejected"),
                r.wall(), cpu, r.peakRssBytes());
        return new Row(r.wall(), cpu);
    }

    private void warm() throws InterruptedException, IOException {
        List<byte[]> sources = new ArrayList<>();
        for (Path f : corpus.files()) {
            sources.add(Files.readAllBytes(corpus.root().resolve(f)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.jobs());
        try {
            for (int round = 1; round <= settings.rounds(); round++) {
                AtomicInteger rejected = new AtomicInteger();
                OptionalLong cpu0 = ProcessMeter.selfCpuNanos();
                long start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < sources.size(); i++) {
                    byte[] src = sources.get(i);
                    String name = corpus.files().get(i).toString();
                    done.add(pool.submit(() -> {
                        try {
                            MpyCompiler.compileToMpy(src, name, CompileOptions.DEFAULT);
                        } catch (CompileError e) {
                            rejected.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> f : done) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("compiling in the warm round failed", e.getCause());
                    }
                }
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                row(String.format(Locale.ROOT, "freezer warm: round %d, %s%s", round, jobsText(),
                        rejected.get() == 0 ? "" : ", " + rejected.get() + " rejected"),
                        wall, minus(ProcessMeter.selfCpuNanos(), cpu0), OptionalLong.empty());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Row mpyCross() throws IOException, InterruptedException {
        Path outDir = scratch.resolve("out-mpy-cross");
        for (Path f : corpus.files()) {
            Files.createDirectories(outDir.resolve(f).getParent());
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.mpyCrossJobs());
        AtomicInteger rejected = new AtomicInteger();
        OptionalLong cpu0 = ProcessMeter.childrenCpuNanos();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Path f : corpus.files()) {
                // relative names, as batch mode records them in the .mpy
                List<String> cmd = List.of(settings.mpyCross(), "-o", outDir.resolve(BenchCorpus.mpyName(f)).toString(),
                        f.toString());
                done.add(pool.submit(() -> {
                    Process p = new ProcessBuilder(cmd).directory(corpus.root().toFile()).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    if (p.waitFor() != 0) {
                        rejected.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    out.println("freezer bench: could not run " + settings.mpyCross() + ": " + e.getCause().getMessage());
                    return null;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        OptionalLong cpu = minus(ProcessMeter.childrenCpuNanos(), cpu0);
        row(String.format(Locale.ROOT, "mpy-cross: a process per file, %d at a time%s", settings.mpyCrossJobs(),
                rejected.get() == 0 ? "" : ", " + rejected.get() + " rejected"), wall, cpu, OptionalLong.empty());
        return new Row(wall, cpu);
    }

    /** Both compilers' outputs, file by file: the benchmark is only fair if they did the same work. */
    private void compareOutputs() throws IOException {
        int same = 0;
        List<Path> differ = new ArrayList<>();
        for (Path f : corpus.files()) {
            Path mpy = BenchCorpus.mpyName(f);
            Path a = scratch.resolve("out-freezer").resolve(mpy);
            Path b = scratch.resolve("out-mpy-cross").resolve(mpy);
            boolean hasA = Files.exists(a);
            boolean hasB = Files.exists(b);
            if (hasA == hasB && (!hasA || Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)))) {
                same++;
            } else {
                differ.add(f);
            }
        }
        out.printf(Locale.ROOT, "outputs identical to mpy-cross's: %d of %d files%n", same, corpus.files().size());
        differ.stream().limit(10).forEach(f -> out.println("  differs: " + f));
    }

    private void row(String what, Duration wall, OptionalLong cpu, OptionalLong rss) {
        out.printf(Locale.ROOT, "%-56s %8.2f %8s %10s%n", what, wall.toNanos() / 1e9,
                cpu.isPresent() ? String.format(Locale.ROOT, "%.2f", cpu.getAsLong() / 1e9) : "n/a",
                rss.isPresent() ? (rss.getAsLong() >> 20) + " MB" : "-");
        out.flush();
    }

    private String jobsText() {
        return settings.jobs() + (settings.jobs() == 1 ? " job" : " jobs");
    }

    private static double ratio(Duration a, Duration b) {
        return (double) a.toNanos() / b.toNanos();
    }

    private static OptionalLong minus(OptionalLong after, OptionalLong before) {
        return after.isPresent() && before.isPresent() ? OptionalLong.of(after.getAsLong() - before.getAsLong())
                : OptionalLong.empty();
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This JVM's options (the launcher's flags and class-data archive), so the cold run starts as ./freezer does. */
    static List<String> inheritedJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> NOT_INHERITED.stream().noneMatch(a::startsWith))
                .toList();
    }
}
