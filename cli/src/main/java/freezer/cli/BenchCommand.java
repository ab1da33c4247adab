package freezer.cli;

import freezer.cli.bench.Bench;
import freezer.cli.bench.ScalingBench;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer bench DIR}: how fast freezer compiles a tree, cold and warm, beside upstream's
 * mpy-cross run once per file. Figures only: nothing here is a pass or a fail.
 */
@Command(name = "bench",
        description = {"Measure compile speed on the .py files under DIR (copied --copies times): freezer cold in a "
            + "new JVM, warm in rounds, and mpy-cross once per file when one is on the PATH or given. "
            + "Prints wall time, CPU time and peak memory; see docs/performance.md. "
            + "With --scaling, how compile time grows with each dimension of a module instead."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "1",
            description = "compile N copies of the corpus, under c1/ .. cN/ (default: ${DEFAULT-VALUE})")
    private int copies;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "warm rounds in this JVM (default: ${DEFAULT-VALUE}; 0 for none)")
    private int rounds;

    @Option(names = "--jobs", paramLabel = "N", description = "freezer's threads (default: all cores)")
    private Integer jobs;

    @Option(names = "--mpy-cross", paramLabel = "PATH",
            description = "upstream's mpy-cross to compare with (default: mpy-cross on the PATH, unless it is freezer)")
    private String mpyCross;

    @Option(names = "--no-mpy-cross", description = "do not run mpy-cross")
    private boolean noMpyCross;

    @Option(names = "--mpy-cross-jobs", paramLabel = "N", defaultValue = "2",
            description = "mpy-cross processes at a time (default: ${DEFAULT-VALUE}, as xargs -P2)")
    private int mpyCrossJobs;

    @Option(names = "--scaling", description = "instead of a corpus: compile generated modules of size n, 2n, 4n, 8n"
            + " along each dimension a module grows in (constants, strings, functions, locals, nesting, ...) and show"
            + " how the time grows")
    private boolean scaling;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
            description = "with --scaling: multiply every dimension's n by F (default: ${DEFAULT-VALUE})")
    private double scale;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "folder whose .py files are the corpus")
    private Path corpus;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    public BenchCommand() {
        this(System.out, System.err);
    }

    public BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (copies < 1 || rounds < 0 || mpyCrossJobs < 1 || (jobs != null && jobs < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--copies, --jobs and --mpy-cross-jobs take a positive number, --rounds zero or more");
        }
        if (scaling) {
            if (corpus != null || !(scale > 0 && scale <= 100)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--scaling takes no DIR, and --scale a number above 0 and at most 100");
            }
            return new ScalingBench(out, scale).run() ? ExitStatus.OK : ExitStatus.ERROR;
        }
        if (corpus == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'DIR'");
        }
        if (!Files.isDirectory(corpus)) {
            err.println("freezer bench: " + corpus + ": not a folder");
            return ExitStatus.ERROR;
        }
        String upstream = noMpyCross ? null : upstreamMpyCross();
        if (upstream != null) {
            out.println("mpy-cross: " + upstream + " (" + versionOf(upstream) + ")");
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("freezer-bench");
            Bench.Settings settings = new Bench.Settings(corpus.toAbsolutePath().normalize(), copies, rounds,
                    jobs != null ? jobs : Runtime.getRuntime().availableProcessors(), upstream, mpyCrossJobs);
            return new Bench(settings, out, scratch).run() ? ExitStatus.OK : ExitStatus.ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("freezer bench: " + e.getMessage());
            return ExitStatus.ERROR;
        } finally {
            deleteTree(scratch);
        }
    }

    /** The mpy-cross to run: the one given, or the PATH's unless that is freezer's own link. */
    private String upstreamMpyCross() {
        if (mpyCross != null) {
            return mpyCross;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "mpy-cross");
            if (Files.isExecutable(candidate) && Files.isRegularFile(candidate)) {
                String version = versionOf(candidate.toString());
                if (version.contains(" on freezer ")) {
                    out.println("mpy-cross on the PATH (" + candidate + ") is freezer itself: not compared;"
                            + " give upstream's with --mpy-cross");
                    return null;
                }
                return candidate.toString();
            }
        }
        out.println("no mpy-cross on the PATH: freezer alone (give one with --mpy-cross)");
        return null;
    }

    private static String versionOf(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            byte[] text = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(text, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a scratch folder left in the temporary folder is not worth failing for
        }
    }
}
