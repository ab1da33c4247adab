package freezer.cli;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.MpyCrossFlags;
import freezer.core.batch.BatchCompiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * freezer's batch form: many files, one process, all cores. Each file is compiled and written
 * on its own (a failure writes nothing for that file and stops no other), outputs are written
 * atomically, and errors are reported in input order whatever order the threads finish in.
 */
final class BatchCompile {
    private final StdStreams io;
    private final ModuleCompiler compiler;
    private final DiagnosticPrinter printer;
    private final Caller caller;
    /** The output folders made (or found) so far: most files share theirs with the file before. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    BatchCompile(StdStreams io, ModuleCompiler compiler, DiagnosticPrinter printer, Caller caller) {
        this.io = io;
        this.compiler = compiler;
        this.printer = printer;
        this.caller = caller;
    }

    /** What became of one file: bytes written, or the error to report. */
    private record Outcome(BatchPlan.Item item, int bytes, Diagnostic error) {
    }

    int run(MpyCrossFlags flags) {
        String root = flags.extras().get(CompileCommand.ROOT);
        String outDir = flags.extras().get(CompileCommand.OUT_DIR);
        if (root == null || outDir == null) {
            throw new CompileCommand.UsageError("batch mode needs both --root and --out-dir");
        }
        if (flags.outputFile() != null) {
            throw new CompileCommand.UsageError("-o does not apply in batch mode: outputs go under --out-dir");
        }
        if (flags.options().sourceName() != null) {
            throw new CompileCommand.UsageError("-s does not apply in batch mode: each file's source name is its"
                    + " path under --root");
        }
        if (flags.inputs().contains("-")) {
            throw new CompileCommand.UsageError("- (standard input) does not apply in batch mode");
        }
        int jobs = jobs(flags.extras().get(CompileCommand.JOBS));

        List<String> inputs;
        try {
            inputs = BatchPlan.expandListFiles(flags.inputs(), caller);
        } catch (BatchPlan.ListFileException e) {
            printer.print(Diagnostic.io(e.file, e.getMessage()), io.err());
            return ExitStatus.ERROR;
        }
        boolean emptyLists = inputs.isEmpty() && !flags.inputs().isEmpty();
        BatchPlan plan;
        try {
            plan = emptyLists ? new BatchPlan(List.of(), List.of()) : BatchPlan.of(root, outDir, inputs, caller);
        } catch (IOException e) {
            printer.print(Diagnostic.io(root, "can't list " + root + ": " + InputFiles.reason(e)), io.err());
            return ExitStatus.ERROR;
        }
        if (!plan.problems().isEmpty()) {
            for (String p : plan.problems()) {
                io.err().println("freezer compile: " + p);
            }
            io.err().flush();
            return ExitStatus.USAGE;
        }

        if (plan.items().isEmpty()) {
            // an empty tree is not a mistake on the command line (a project may have no modules yet)
            io.out().printf("freezer: compiled 0 of 0 files into %s (%s)%n", outDir,
                    emptyLists ? "the list files are empty" : "no .py files under " + root);
            io.out().flush();
            return ExitStatus.OK;
        }
        List<Outcome> outcomes = compileAll(plan.items(), flags.options(), jobs, flags.verbosity() > 0);
        long failed = outcomes.stream().filter(o -> o.error() != null).count();
        io.out().printf("freezer: compiled %d of %d files into %s%s%n", outcomes.size() - failed, outcomes.size(),
                outDir, failed > 0 ? " (" + failed + " failed)" : "");
        io.out().flush();
        return failed > 0 ? ExitStatus.ERROR : ExitStatus.OK;
    }

    private List<Outcome> compileAll(List<BatchPlan.Item> items, CompileOptions options, int jobs, boolean verbose) {
        BatchCompiler batch = new BatchCompiler(jobs);
        return batch.map(items, item -> compileOne(item, options), (i, o) -> {
            if (o.error() != null) {
                printer.print(o.error(), io.err());
            } else if (verbose) {
                io.out().println("wrote " + o.item().outputDisplay() + " (" + o.bytes() + " bytes)");
            }
        });
    }

    private Outcome compileOne(BatchPlan.Item item, CompileOptions options) {
        byte[] source;
        try {
            source = InputFiles.read(item.source());
        } catch (IOException e) {
            return new Outcome(item, 0,
                    Diagnostic.io(item.display(), InputFiles.describe("can't open", item.display(), e)));
        }
        byte[] mpy;
        try {
            mpy = compiler.compile(source, item.sourceName(), options.withSourceName(item.sourceName()));
        } catch (CompileError e) {
            return new Outcome(item, 0, Diagnostic.of(e, item.display(), source));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a freezer bug in one file is reported for that file; the others still compile
            return new Outcome(item, 0, Diagnostic.internal(item.display(), e));
        }
        try {
            Path folder = item.output().getParent();
            if (!folders.contains(folder)) {
                caller.createDirectories(folder);
                folders.add(folder);
            }
            AtomicFiles.write(item.output(), mpy, caller.newFileMode());
        } catch (IOException e) {
            return new Outcome(item, 0,
                    Diagnostic.io(item.display(), InputFiles.describe("can't write", item.output().toString(), e)));
        }
        return new Outcome(item, mpy.length, null);
    }

    private static int jobs(String value) {
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CompileCommand.UsageError("--jobs takes a positive number, not '" + value + "'");
    }
}
