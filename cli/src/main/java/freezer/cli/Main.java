package freezer.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code freezer} command: one subcommand per job. {@code compile} reads its arguments as
 * mpy-cross does, so {@code freezer compile ...} goes straight to it; were picocli to reach it,
 * it passes the arguments through untouched (no {@code @file} expansion, no {@code --}
 * handling, unknown options kept as arguments).
 */
@Command(name = "freezer", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Freezes MicroPython modules into firmware: compiles .py to .mpy byte for byte as"
                + " MicroPython v1.28.0's mpy-cross does, and inspects .mpy files.",
        subcommands = {
            CompileCommand.class, DisCommand.class, MergeCommand.class, InfoCommand.class, BenchCommand.class,
            RomfsCommand.class, ImageCommand.class,
        })
public final class Main implements Runnable {
    public static final int OK = 0;
    /** A file was rejected, or could not be read or written. */
    public static final int FAILED = 1;
    /** The command line itself is wrong. */
    public static final int USAGE = 2;

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
            // the mpy-cross path skips picocli's model building: it would triple the start-up time
            // of every one-file compile (docs/performance.md), and compile reads its own arguments
            try {
                return new CompileCommand(io, compiler).run(java.util.Arrays.asList(args).subList(1, args.length));
            } catch (RuntimeException e) {
                return internalError(io, e);
            }
        }
        CommandLine cl = new CommandLine(new Main(), new Factory(io, compiler));
        cl.setExpandAtFiles(false);
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        CommandLine compile = cl.getSubcommands().get("compile");
        compile.setUnmatchedOptionsArePositionalParams(true);
        // mpy-cross's "--" is read by MpyCrossFlags, not picocli; picocli needs some delimiter
        compile.setEndOfOptionsDelimiter("\0--");
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> internalError(io, e));
        return cl.execute(args);
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
            if (cls == BenchCommand.class) {
                return cls.cast(new BenchCommand(io.out(), io.err()));
            }
            if (cls == RomfsCommand.class) {
                return cls.cast(new RomfsCommand(io));
            }
            if (cls == ImageCommand.class) {
                return cls.cast(new ImageCommand(io));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
