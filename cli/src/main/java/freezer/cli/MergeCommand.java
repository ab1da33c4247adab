package freezer.cli;

import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MergeException;
import freezer.core.mpy.Merger;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code freezer merge -o OUT.mpy A.mpy B.mpy...}: the bytes of {@code mpy-tool.py --merge}. */
@Command(name = "merge",
        description = {"Merge .mpy files into one whose module code runs each part in order "
            + "(mpy-tool.py --merge; docs/dis.md). OUT is written only when every input reads and merges."})
public final class MergeCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mpy", description = "the merged file")
    private String output;

    @Option(names = "--correct-unwind-jumps",
            description = "write UNWIND_JUMP offsets correctly where mpy-tool.py shifts them by one "
                + "(break/continue out of try or with blocks in all but the first file); "
                + "the default reproduces mpy-tool.py's bytes and warns when they are affected")
    private boolean correctJumps;

    @Parameters(arity = "1..*", paramLabel = "FILE.mpy", description = ".mpy files, in the order their code runs")
    private List<String> files = new ArrayList<>();

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public MergeCommand() {
        this(System.in, System.out, System.err);
    }

    public MergeCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs the command as {@code freezer merge ARGS} would; returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return Commands.execute(new MergeCommand(in, out, err), args, out, err);
    }

    private static boolean mergesCorrectly(List<CompiledModule> modules) {
        try {
            Merger.merge(modules, Merger.Jumps.CORRECT);
            return true;
        } catch (MergeException e) {
            return false;
        }
    }

    @Override
    public Integer call() {
        // mpy-tool.py copies a lone input whole and puts several inputs' trailing bytes inside
        // the merged file, corrupting it: freezer leaves them out (docs/compatibility.md)
        List<MpyInputs.Input> inputs = MpyInputs.readAll(files, in, err, "left out of the merged file");
        if (inputs == null) {
            return ExitStatus.ERROR;
        }
        List<CompiledModule> modules = new ArrayList<>();
        for (MpyInputs.Input i : inputs) {
            modules.add(i.module());
        }
        byte[] merged;
        try {
            // byte-identical to mpy-tool.py unless asked otherwise, as every freezer output is
            merged = Merger.merge(modules, correctJumps ? Merger.Jumps.CORRECT : Merger.Jumps.AS_MPY_TOOL);
            if (!correctJumps && !Arrays.equals(merged, Merger.merge(modules, Merger.Jumps.CORRECT))) {
                err.println(output + ": warning: as mpy-tool.py does, break/continue out of a try or with "
                        + "block in a file after the first jumps one byte off and fails at run time; "
                        + "--correct-unwind-jumps writes them correctly");
            }
        } catch (MergeException e) {
            String who = e.part() >= 0 ? inputs.get(e.part()).name() : output;
            err.println(who + ": cannot merge: " + e.getMessage() + (correctJumps || !mergesCorrectly(modules)
                    ? "" : " (as mpy-tool.py fails here; --correct-unwind-jumps merges these files)"));
            return ExitStatus.ERROR;
        }
        try {
            AtomicFiles.write(Paths.get(output), merged);
        } catch (IOException e) {
            err.println(output + ": cannot write: " + InputFiles.reason(e));
            return ExitStatus.ERROR;
        } catch (InvalidPathException e) {
            err.println(output + ": cannot write: not a valid path");
            return ExitStatus.ERROR;
        }
        return ExitStatus.OK;
    }
}
