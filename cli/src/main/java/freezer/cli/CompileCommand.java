package freezer.cli;

import freezer.core.MpyCrossFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer compile}: mpy-cross's command line, one file ({@link SingleCompile}), or freezer's
 * batch form over many ({@link BatchCompile}). picocli only hands over the arguments untouched
 * (see {@link Main}); {@link MpyCrossFlags} reads them as mpy-cross does, plus freezer's long options.
 */
@Command(name = "compile", description = {"Compile MicroPython source to .mpy (v6.3) byte for byte as MicroPython"
    + " v1.28.0's mpy-cross does: one file with mpy-cross's options (a link named mpy-cross to the launcher runs"
    + " this command), or a whole tree at once in batch mode (--root, --out-dir) on all cores."},
        customSynopsis = {"freezer compile [OPTIONS] [--] FILE.py",
            "       freezer compile [OPTIONS] --root DIR --out-dir DIR [FILE.py... | @LISTFILE]"},
        footer = {"", "Exit status: 0 done, 1 a file was rejected or could not be read or written, 2 bad usage"
            + " (mpy-cross exits 1 for all of them). docs/cli.md has the details."})
final class CompileCommand implements Callable<Integer> {
    static final String ROOT = "--root";
    static final String OUT_DIR = "--out-dir";
    static final String JOBS = "--jobs";
    static final String ERROR_FORMAT = "--error-format";
    static final Set<String> HELP = Set.of("-h", "--help");
    static final Set<String> VALUE_OPTIONS = Set.of(ROOT, OUT_DIR, JOBS, ERROR_FORMAT);

    @Parameters(arity = "0..*", paramLabel = "FILE.py", description = {"The file to compile; - reads standard input.",
        "Batch mode: any number of paths under --root, and @LISTFILE for the paths in LISTFILE, one per line."})
    private List<String> args = new ArrayList<>();

    private final StdStreams io;
    private final ModuleCompiler compiler;
    private final Caller caller;

    CompileCommand(StdStreams io, ModuleCompiler compiler) {
        this(io, compiler, Caller.PROCESS);
    }

    CompileCommand(StdStreams io, ModuleCompiler compiler, Caller caller) {
        this.io = io;
        this.compiler = compiler;
        this.caller = caller;
    }

    @Override
    public Integer call() {
        return run(args);
    }

    /** Whether {@code -h} or {@code --help} comes before any {@code --}: help wins over everything else. */
    static boolean asksForHelp(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (HELP.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code freezer compile ARGS} (help is {@link Main}'s); returns the exit status. */
    int run(List<String> args) {
        MpyCrossFlags flags;
        try {
            flags = MpyCrossFlags.parse(args, VALUE_OPTIONS, Set.of());
        } catch (MpyCrossFlags.HostArchitectureUnknown e) {
            io.err().println("freezer compile: " + e.getMessage());
            io.err().flush();
            return ExitStatus.ERROR;
        } catch (MpyCrossFlags.UsageException e) {
            return usage(e.getMessage());
        }
        if (flags.showVersion()) {
            io.out().println(Version.mpyCrossLine());
            io.out().flush();
            return ExitStatus.OK;
        }
        DiagnosticPrinter printer = DiagnosticPrinter.named(flags.extras().getOrDefault(ERROR_FORMAT, "text"));
        if (printer == null) {
            return usage("--error-format takes text or json, not '" + flags.extras().get(ERROR_FORMAT) + "'");
        }
        try {
            if (flags.extras().containsKey(ROOT) || flags.extras().containsKey(OUT_DIR)) {
                return new BatchCompile(io, compiler, printer, caller).run(flags);
            }
            return new SingleCompile(io, compiler, printer, caller).run(flags);
        } catch (UsageError e) {
            return usage(e.getMessage());
        }
    }

    private int usage(String message) {
        io.err().println("freezer compile: " + message);
        io.err().println("Try 'freezer compile --help' for the options.");
        io.err().flush();
        return ExitStatus.USAGE;
    }

    /** A command line that cannot be run as given (exit status 2). */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message, null, false, false);
        }
    }
}
