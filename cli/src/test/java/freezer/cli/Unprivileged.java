package freezer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs commands as an unprivileged user (nobody, 65534), so that tests of read-only installs
 * mean something where they run as root (CI does; root ignores file modes). Only root can switch
 * user; anywhere else, or where nobody cannot reach the files, {@link #reason} says why not and
 * the test says so visibly instead of passing quietly.
 */
final class Unprivileged {
    private static final String NOBODY = "65534";
    private static final List<String> SETPRIV = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
            "--clear-groups");

    private Unprivileged() {
    }

    /** The words that run a command as nobody: setpriv's, then the command. */
    static List<String> command(List<String> command) {
        List<String> all = new ArrayList<>(SETPRIV);
        all.addAll(command);
        return all;
    }

    /**
     * Null when {@link #command} works and nobody can read (and search) each path, else why not.
     */
    static String reason(Path cwd, Path... mustRead) {
        ProcessRun who;
        try {
            who = ProcessRun.run(cwd, new byte[0], List.of("id", "-u"));
        } catch (RuntimeException e) {
            return "cannot run id: " + e.getMessage();
        }
        if (!who.stdoutText().strip().equals("0")) {
            return "not running as root (uid " + who.stdoutText().strip() + "), so no other user can be taken";
        }
        ProcessRun probe;
        try {
            probe = ProcessRun.run(cwd, new byte[0], command(List.of("id", "-u")), Map.of());
        } catch (RuntimeException e) {
            return "setpriv cannot be run: " + e.getMessage();
        }
        if (probe.status() != 0 || !probe.stdoutText().strip().equals(NOBODY)) {
            return "setpriv cannot switch to uid " + NOBODY + ": " + probe.stderr().strip();
        }
        for (Path p : mustRead) {
            ProcessRun r = ProcessRun.run(cwd, new byte[0], command(List.of("test", "-r", p.toString())));
            if (r.status() != 0) {
                return "user nobody cannot read " + p + " (a folder above it is private)";
            }
        }
        return null;
    }
}
