package freezer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer daemon start|stop|status}. The launcher runs it itself (it starts the daemon
 * and talks to it without a JVM of its own, docs/daemon.md); this command is its entry in help,
 * man pages and shell completion, and the answer a JVM started some other way gives.
 */
@Command(name = "daemon",
        description = {"Start, stop or ask after the warm compile daemon that serves 'freezer compile', the mpy-cross "
            + "link and 'freezer freeze' without a JVM start per call (docs/daemon.md). The freezer launcher runs "
            + "this command itself; FREEZER_DAEMON=0 or --no-daemon runs calls in-process instead."},
        footer = {"", "Exit status: 0 done ('status': running), 1 not running ('status') or could not start, 2 bad usage."})
public final class DaemonCommand implements Callable<Integer> {
    /** What can be asked of the daemon. */
    enum Action { start, stop, status }

    @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop or status")
    private Action action;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "'freezer daemon " + action
                + "' is run by the freezer launcher (bin/freezer, or ./freezer in a checkout), not by 'java -jar'");
    }
}
