package freezer.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs one of the .mpy commands on its own, with its help and usage errors going to the given streams. */
final class Commands {
    private Commands() {
    }

    /** Exit status of bad usage (picocli's own too). */
    static final int USAGE = ExitStatus.USAGE;

    static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cl.execute(args);
    }
}
