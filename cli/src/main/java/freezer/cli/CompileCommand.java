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
@Command(name = "compile", description = "Compile .py to .mpy, as MicroPython v1.28.0's mpy-cross does"
        + " (a drop-in for it), or a whole tree at once: --root DIR --out-dir DIR [FILE.py...|@LISTFILE].",
        helpCommand = false)
final class CompileCommand implements Callable<Integer> {
    static final String ROOT = "--root";
    static final String OUT_DIR = "--out-dir";
    static final String JOBS = "--jobs";
    static final String ERROR_FORMAT = "--error-format";
    static final String HELP = "--help";
    static final Set<String> VALUE_OPTIONS = Set.of(ROOT, OUT_DIR, JOBS, ERROR_FORMAT);
    static final Set<String> SWITCHES = Set.of(HELP);

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "mpy-cross's options and inputs; see --help")
    private List<String> args = new ArrayList<>();

    private final StdStreams io;
    private final ModuleCompiler compiler;

    CompileCommand(StdStreams io, ModuleCompiler compiler) {
        this.io = io;
        this.compiler = compiler;
    }

    @Override
    public Integer call() {
        return run(args);
    }

    /** Runs {@code freezer compile ARGS}; returns the exit status. */
    int run(List<String> args) {
        MpyCrossFlags flags;
        try {
            flags = MpyCrossFlags.parse(args, VALUE_OPTIONS, SWITCHES);
        } catch (MpyCrossFlags.HostArchitectureUnknown e) {
            io.err().println("freezer compile: " + e.getMessage());
            io.err().flush();
            return Main.FAILED;
        } catch (MpyCrossFlags.UsageException e) {
            return usage(e.getMessage());
        }
        if (flags.showVersion()) {
            io.out().println(Version.mpyCrossLine());
            io.out().flush();
            return Main.OK;
        }
        if (flags.extras().containsKey(HELP)) {
            io.out().print(HELP_TEXT);
            io.out().flush();
            return Main.OK;
        }
        DiagnosticPrinter printer = DiagnosticPrinter.named(flags.extras().getOrDefault(ERROR_FORMAT, "text"));
        if (printer == null) {
            return usage("--error-format takes text or json, not '" + flags.extras().get(ERROR_FORMAT) + "'");
        }
        try {
            if (flags.extras().containsKey(ROOT) || flags.extras().containsKey(OUT_DIR)) {
                return new BatchCompile(io, compiler, printer).run(flags);
            }
            return new SingleCompile(io, compiler, printer).run(flags);
        } catch (UsageError e) {
            return usage(e.getMessage());
        }
    }

    private int usage(String message) {
        io.err().println("freezer compile: " + message);
        io.err().println("Try 'freezer compile --help' for the options.");
        io.err().flush();
        return Main.USAGE;
    }

    /** A command line that cannot be run as given (exit status 2). */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    static final String HELP_TEXT = """
            Usage: freezer compile [OPTIONS] [--] FILE.py            (one file, as mpy-cross)
                   freezer compile [OPTIONS] --root DIR --out-dir DIR [FILE.py... | @LISTFILE]
            Compile MicroPython source to .mpy (v6.3) byte for byte as MicroPython v1.28.0's
            mpy-cross does. A link named mpy-cross to the freezer launcher runs this command.

            mpy-cross's options (the last repeated option wins):
              -o FILE               output file (default: the input with .py replaced by .mpy,
                                    or standard output when the input is -); - is standard output
              -s NAME               source name embedded in the .mpy (default: the input path)
              -O[N], -OO...         optimisation level N (or the number of Os): 1 drops asserts
                                    and sets __debug__ False, 3 also drops line numbers
              -msmall-int-bits=N    bits of an int stored inline in the bytecode (default 31)
              -march=ARCH           native target: x86, x64, armv6, armv6m, armv7m, armv7em,
                                    armv7emsp, armv7emdp, xtensa, xtensawin, rv32imc, rv64imc,
                                    host (x64 on x86-64, x86 on 32-bit x86), debug (not
                                    supported for native code: upstream's text trace)
              -march-flags=FLAGS    arch flags (rv32imc: a number, or zba,zcmp)
              -X emit=EMIT          default emitter: bytecode, native, viper (native and viper
                                    need -march)
              -X heapsize=N[w][k|m] accepted for compatibility; freezer does not need it
              -v                    batch mode: list each file written (otherwise accepted for
                                    compatibility)
              --version             print the version line and exit
              --                    everything after it is a file
              -                     as FILE: read standard input

            freezer's options:
              --root DIR            batch mode: every FILE is a path under DIR (relative to it,
                                    or absolute inside it); with no FILE, every *.py under DIR
              --out-dir DIR         batch mode: write DIR/<path under root, .py -> .mpy>
              @LISTFILE             batch mode: FILEs from LISTFILE, one path per line
              --jobs N              batch mode: compile on N threads (default: all cores)
              --error-format=FMT    text (default) or json: one JSON object per error
              --help                this text

            Exit status: 0 success, 1 a file was rejected or could not be read or written,
            2 bad usage. See docs/cli.md.
            """;
}
