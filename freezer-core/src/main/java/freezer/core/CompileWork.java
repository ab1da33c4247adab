package freezer.core;

/**
 * What one compile's steps that used to grow as n squared did, counted: the tests that guard them
 * compare these counts with n, n log n or n squared on large inputs instead of timing them. It
 * also switches off the two shortcuts freezer takes where upstream walks step by step (a
 * parser's descent, the jump relaxation), for the tests that compare both ways. One compile runs
 * on one thread, so the counts are plain fields.
 */
public final class CompileWork {
    private final boolean takeDescents;
    private final boolean relaxJumps;
    private long parseSteps;
    private long parentNamesLookedAt;
    private long namesWalkedForParameters;
    private long functionsRelaxed;
    private long relaxationFellBack;
    private long relaxationWork;
    private long replayedSteps;

    /** Counts a compile as freezer runs it. */
    public CompileWork() {
        this(true, true);
    }

    private CompileWork(boolean takeDescents, boolean relaxJumps) {
        this.takeDescents = takeDescents;
        this.relaxJumps = relaxJumps;
    }

    /**
     * Counts a compile whose parser walks rule by rule, as upstream's does, not taking a rule's
     * {@code Descent} in one step: the reference descents are tested against.
     */
    public static CompileWork withoutDescents() {
        return new CompileWork(false, true);
    }

    /**
     * Counts a compile that settles every function's jumps with upstream's pass-by-pass loop, not
     * with {@code JumpRelaxation}: the reference the relaxation is tested against.
     */
    public static CompileWork withoutJumpRelaxation() {
        return new CompileWork(true, false);
    }

    public boolean takeDescents() {
        return takeDescents;
    }

    public boolean relaxJumps() {
        return relaxJumps;
    }

    /** Steps of the parser's main loop. */
    public void parseSteps(long n) {
        parseSteps += n;
    }

    /** A closure's free name looked up in its parent's names. */
    public void parentNameLookedAt() {
        parentNamesLookedAt++;
    }

    /** Names of a function walked for the prelude's argument names. */
    public void namesWalkedForParameters(int n) {
        namesWalkedForParameters += n;
    }

    /** A function whose jumps the relaxation settled, with the work that took. */
    public void functionRelaxed(long work) {
        functionsRelaxed++;
        relaxationWork += work;
    }

    /** A function the relaxation does not model, left to the pass-by-pass loop, with the work spent finding out. */
    public void relaxationFellBack(long work) {
        relaxationFellBack++;
        relaxationWork += work;
    }

    /** Tape steps replayed for another EMIT pass. */
    public void stepsReplayed(int n) {
        replayedSteps += n;
    }

    public long parseSteps() {
        return parseSteps;
    }

    public long parentNamesLookedAt() {
        return parentNamesLookedAt;
    }

    public long namesWalkedForParameters() {
        return namesWalkedForParameters;
    }

    public long functionsRelaxed() {
        return functionsRelaxed;
    }

    public long relaxationFellBackCount() {
        return relaxationFellBack;
    }

    /** Jumps visited, tree nodes visited and Fenwick operations of every relaxation. */
    public long relaxationWork() {
        return relaxationWork;
    }

    public long replayedSteps() {
        return replayedSteps;
    }
}
