package freezer.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code freezer} command: one subcommand per job. {@code compile} reads its arguments as
 * mpy-cross does, so {@code freezer compile ...} goes straight to it; were picocli to reach it,
 * it passes the arguments through untouched (no {@code @file} expansion, no {@code --}
 * handling, unknown options kept as arguments).
 */
@Command(name = "freezer", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A toolchain for freezing MicroPython modules into firmware. It compiles .py to .mpy byte for"
                + " byte as MicroPython v1.28.0's mpy-cross does (and stands in for it), disassembles, merges and"
                + " inspects .mpy files, and resolves firmware manifests without executing them.",
        footer = {"", "'freezer help COMMAND' or 'freezer COMMAND --help' shows a command's options.",
            "Exit status: 0 done, 1 an error in an input or a file, 2 bad usage, 3 a budget or threshold exceeded."},
        subcommands = {
            CompileCommand.class, DisCommand.class, MergeCommand.class, InfoCommand.class, BenchCommand.class,
            ManifestCommand.class, FreezeCommand.class, DaemonCommand.class,
            RomfsCommand.class, ImageCommand.class,
            AdviseCommand.class, ReportCommand.class,
        })
public final class Main implements Runnable {
    /** {@link ExitStatus#OK}, under its first name. */
    public static final int OK = ExitStatus.OK;
    /** {@link ExitStatus#ERROR}, under its first name. */
    public static final int FAILED = ExitStatus.ERROR;
    /** {@link ExitStatus#USAGE}, under its first name. */
    public static final int USAGE = ExitStatus.USAGE;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        StdStreams io = StdStreams.system();
        int status = run(args, io, ModuleCompiler.MPY_CROSS);
        io.out().flush();
        io.err().flush();
        System.exit(status);
    }

    /** Runs one command line against the given streams and compiler; returns the exit status. */
    public static int run(String[] args, StdStreams io, ModuleCompiler compiler) {
        if (args.length > 0 && args[0].equals("compile")) {
            return compile(Arrays.asList(args).subList(1, args.length), io, compiler, Caller.PROCESS);
        }
        if (args.length > 0 && args[0].equals("freeze")) {
            return freeze(Arrays.asList(args).subList(1, args.length), io, Caller.PROCESS);
        }
        return guarded(io, () -> commandLine(io, compiler).execute(args));
    }

    /**
     * {@code freezer freeze ARGS} (makemanifest.py's command line, read as its argparse reads it)
     * for the given caller; throws {@link NotServed} for a call only the process itself can run.
     */
    public static int freeze(List<String> args, StdStreams io, Caller caller) {
        return guarded(io, () -> FreezeCommand.run(args, io, caller));
    }

    /**
     * {@code freezer compile ARGS} for the given caller (the compile daemon passes its client's);
     * throws {@link NotServed} for a call only the process itself can run.
     */
    public static int compile(List<String> args, StdStreams io, ModuleCompiler compiler, Caller caller) {
        if (CompileCommand.asksForHelp(args)) {
            if (caller != Caller.PROCESS) {
                // picocli colours help for a terminal, which only the process itself has
                throw new NotServed("help runs in-process");
            }
            commandLine(io, compiler).getSubcommands().get("compile").usage(io.out());
            io.out().flush();
            return ExitStatus.OK;
        }
        // the mpy-cross path skips picocli's model building: it would triple the start-up time
        // of every one-file compile (docs/performance.md), and compile reads its own arguments
        return guarded(io, () -> new CompileCommand(io, compiler, caller).run(args));
    }

    /**
     * Runs a command, turning what escapes it into a message and exit status 1: an exception is
     * freezer's bug; running out of heap or stack is the input's size (a freeze of thousands of
     * modules builds megabytes of C), which the JVM's options can raise. Never a stack trace.
     */
    static int guarded(StdStreams io, IntSupplier command) {
        try {
            return command.getAsInt();
        } catch (NotServed e) {
            throw e;
        } catch (RuntimeException e) {
            return internalError(io, e);
        } catch (OutOfMemoryError e) {
            return outOfResources(io, "memory", "-Xmx4g");
        } catch (StackOverflowError e) {
            return outOfResources(io, "stack", "-Xss64m");
        }
    }

    private static int outOfResources(StdStreams io, String what, String option) {
        // a client with other FREEZER_JAVA_OPTS has a compile daemon of its own (docs/daemon.md)
        io.err().println("freezer: ran out of " + what + " for this input; FREEZER_JAVA_OPTS=" + option
                + " gives freezer's JVM more");
        io.err().flush();
        return FAILED;
    }

    /**
     * The whole command line as picocli models it, every subcommand registered above included:
     * the model that help, shell completion and man pages are made from.
     */
    public static CommandLine commandLine(StdStreams io, ModuleCompiler compiler) {
        CommandLine cl = new CommandLine(new Main(), new Factory(io, compiler));
        CommandModel.complete(cl);
        // after the model is complete, so that commands it added write here too
        cl.setExpandAtFiles(false);
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        CommandLine compile = cl.getSubcommands().get("compile");
        compile.setUnmatchedOptionsArePositionalParams(true);
        // mpy-cross's "--" is read by MpyCrossFlags, not picocli; picocli needs some delimiter
        compile.setEndOfOptionsDelimiter("\0--");
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> internalError(io, e));
        return cl;
    }

    /** A failure of freezer itself: said plainly, without a stack trace, never hidden. */
    private static int internalError(StdStreams io, Exception e) {
        io.err().println("freezer: internal error: " + e + "; this is a bug in freezer, please report it");
        io.err().flush();
        return FAILED;
    }

    /** {@code freezer} alone: the overview, as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
    }

    /** Builds commands that need the streams and compiler; others as picocli would. */
    private record Factory(StdStreams io, ModuleCompiler compiler) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == CompileCommand.class) {
                return cls.cast(new CompileCommand(io, compiler));
            }
            if (cls == DisCommand.class) {
                return cls.cast(new DisCommand(io.in(), io.out(), io.err()));
            }
            if (cls == MergeCommand.class) {
                return cls.cast(new MergeCommand(io.in(), io.out(), io.err()));
            }
            if (cls == InfoCommand.class) {
                return cls.cast(new InfoCommand(io.in(), io.out(), io.err()));
            }
            if (cls == ManifestCommand.class) {
                return cls.cast(new ManifestCommand(io.out(), io.err(), java.nio.file.Path.of("")));
            }
            if (cls == BenchCommand.class) {
                return cls.cast(new BenchCommand(io.out(), io.err()));
            }
            if (cls == RomfsCommand.class) {
                return cls.cast(new RomfsCommand(io));
            }
            if (cls == ImageCommand.class) {
                return cls.cast(new ImageCommand(io));
            }
            if (cls == AdviseCommand.class) {
                return cls.cast(new AdviseCommand(io.out(), io.err()));
            }
            if (cls == ReportCommand.class) {
                return cls.cast(new ReportCommand(io.out(), io.err()));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
