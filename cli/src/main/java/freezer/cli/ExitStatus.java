package freezer.cli;

/**
 * The exit statuses every freezer command uses (docs/cli.md, "Exit status"), so that a build or
 * CI can tell "broken" from "too big" from "called wrongly". mpy-cross exits 1 for every failure;
 * builds that call it test only for non-zero, which all three failures are.
 */
public final class ExitStatus {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** An input was rejected (a compile error, a bad .mpy), could not be read or written, or freezer failed. */
    public static final int ERROR = 1;
    /** The command line itself is wrong: unknown option, bad option value, missing argument. */
    public static final int USAGE = 2;
    /** The work was done but a budget or threshold was exceeded (a size budget, a partition size, a diff threshold). */
    public static final int OVER_BUDGET = 3;

    private ExitStatus() {
    }
}
