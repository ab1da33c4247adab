package freezer.core.emit;

import java.util.Arrays;

/**
 * The EMIT passes that upstream repeats until jumps stop shrinking, worked out without laying
 * the whole function out once per pass. In each pass a forward jump is sized from the previous
 * pass's label offset, so it is off by the number of jumps that shrank before it in the same
 * pass: only a window of jumps can shrink per pass, and the shrinking crawls through a long
 * function in as many passes as it has windows. Here a pass costs only what changes in it.
 *
 * <p>A jump's offset in pass k, while nothing between the scan and the jump changed, is a key
 * of its own plus the number d of jumps that shrank so far in the pass: for a forward jump the
 * distance w from it to its label in pass k-1, less 2, plus d; for a backward jump minus its span
 * in this pass, less 2. A segment tree over the jumps finds the next one whose size changes for
 * the current d in O(log n), so the unchanged ones are skipped. When a jump shrinks, only the
 * spans around it change, and a span can only matter while it is at most 129 bytes: the few
 * jumps whose span can ever be that short and that cover the one that shrank are updated.
 *
 * <p>It models only shrinking: when a jump would grow, or a label is not where a single
 * assignment puts it, {@link #run} gives up and the caller replays the passes one by one (the
 * reference). Upstream also repeats a pass when only the code info (the line table) changed
 * size, but that cannot change what is laid out: while jumps only shrink, a pass that leaves
 * the bytecode's size alone changed no jump, so every pass after it lays out the same. The
 * passes end with the first pass in which nothing shrinks; the caller lays that one out.
 */
final class JumpRelaxation {
    /** The largest offset a 1-byte jump takes, signed and unsigned. */
    private static final int SIGNED_MAX = 63;
    private static final int UNSIGNED_MAX = 127;
    /** The longest span (bytes from label to jump) a backward signed jump takes in 1 byte: -64 = -62 - 2. */
    private static final int BACK_SPAN_MAX = 62;
    private static final int NONE = Integer.MAX_VALUE;
    private static final int NONE_BELOW = Integer.MIN_VALUE;

    private final int m;
    /** Each jump's offset if every jump before it were small (2 bytes plus its extra byte). */
    private final int[] fixedPos;
    private final int[] target;
    private final boolean[] signed;
    private final boolean[] large;
    private final boolean[] forward;
    /** Whether a jump's span could ever be short enough for 1 byte (else it stays large). */
    private final boolean[] shortable;
    /** Forward: label offset of the last pass minus the jump's. Backward: the jump's offset minus the label's, now. */
    private final int[] span;
    private final int[] labelFixedPos;
    private final int[] labelJumpsBefore;
    private final int[] labelOffsets;

    private final Fenwick larges;
    private final Tree tree;
    private long work;

    /**
     * @param fixedPos each jump's offset, counting every jump before it as small
     * @param target each jump's label
     * @param signed whether each jump's offset is signed
     * @param large each jump's size in the pass laid out (true: 3 bytes)
     * @param labelFixedPos each label's offset counting jumps as small, -1 when the pass did not assign it
     * @param labelJumpsBefore how many jumps precede each label
     * @param labelOffsets the label offsets of the pass laid out (labels it did not assign are kept)
     */
    JumpRelaxation(int[] fixedPos, int[] target, boolean[] signed, boolean[] large, int[] labelFixedPos,
            int[] labelJumpsBefore, int[] labelOffsets) {
        this.m = fixedPos.length;
        this.fixedPos = fixedPos;
        this.target = target;
        this.signed = signed;
        this.large = large.clone();
        this.labelFixedPos = labelFixedPos;
        this.labelJumpsBefore = labelJumpsBefore;
        this.labelOffsets = labelOffsets.clone();
        this.forward = new boolean[m];
        this.shortable = new boolean[m];
        this.span = new int[m];
        this.larges = new Fenwick(m);
        this.tree = new Tree(m);
    }

    /** The work done: jumps visited, tree nodes visited, Fenwick operations (for the scaling test). */
    long work() {
        return work + tree.visits;
    }

    /**
     * The label offsets the last pass is laid out from (those it ends with too), or null when
     * this function does something the model does not cover.
     */
    int[] run() {
        if (!setUp()) {
            return null;
        }
        while (true) {
            int shrunk = pass();
            if (shrunk < 0) {
                return null;
            }
            if (shrunk == 0) {
                for (int label = 0; label < labelOffsets.length; label++) {
                    if (labelFixedPos[label] >= 0) {
                        labelOffsets[label] = labelOffset(label);
                    }
                }
                return labelOffsets;
            }
        }
    }

    private int labelOffset(int label) {
        work++;
        return labelFixedPos[label] + larges.prefix(labelJumpsBefore[label]);
    }

    private int jumpOffset(int j) {
        work++;
        return fixedPos[j] + larges.prefix(j);
    }

    private static boolean fits(boolean signed, int offset) {
        return signed ? -64 <= offset && offset <= SIGNED_MAX : 0 <= offset && offset <= UNSIGNED_MAX;
    }

    private boolean setUp() {
        for (int j = 0; j < m; j++) {
            if (large[j]) {
                larges.add(j, 1);
            }
        }
        for (int j = 0; j < m; j++) {
            int label = target[j];
            if (label < 0 || label >= labelFixedPos.length || labelFixedPos[label] < 0) {
                return false;
            }
            forward[j] = labelJumpsBefore[label] > j;
            if (forward[j]) {
                shortable[j] = labelFixedPos[label] - fixedPos[j] - 2 <= maxOffset(j);
                span[j] = labelOffset(label) - jumpOffset(j);
            } else {
                shortable[j] = signed[j] && fixedPos[j] - labelFixedPos[label] <= BACK_SPAN_MAX;
                span[j] = jumpOffset(j) - labelOffset(label);
            }
            if (!shortable[j] && !large[j]) {
                return false;
            }
            tree.set(j, this);
        }
        return true;
    }

    private int maxOffset(int j) {
        return signed[j] ? SIGNED_MAX : UNSIGNED_MAX;
    }

    /** One pass: how many jumps shrank, or -1 when one would grow or the keys disagree with the offsets. */
    private int pass() {
        int shrunk = 0;
        int from = 0;
        while (true) {
            int j = tree.next(from, -shrunk);
            if (j < 0) {
                return shrunk;
            }
            int label = target[j];
            int offset = forward[j] ? labelOffset(label) + shrunk - jumpOffset(j) - 2
                    : labelOffset(label) - jumpOffset(j) - 2;
            if (!large[j] || !fits(signed[j], offset)) {
                // a jump that grows, or a key that is wrong: not modelled
                return -1;
            }
            shrink(j);
            shrunk++;
            from = j + 1;
        }
    }

    private void shrink(int j) {
        large[j] = false;
        larges.add(j, -1);
        work++;
        tree.set(j, this);
        // forward jumps from j or before to a label after j: their next pass sees a shorter span
        for (int i = j; i >= 0 && fixedPos[j] - fixedPos[i] <= UNSIGNED_MAX + 2; i--) {
            work++;
            if (forward[i] && shortable[i] && labelJumpsBefore[target[i]] > j) {
                span[i]--;
                tree.set(i, this);
            }
        }
        // backward jumps after j to a label before it: this pass already sees the shorter span
        for (int i = j + 1; i < m && fixedPos[i] - fixedPos[j] <= BACK_SPAN_MAX + 2; i++) {
            work++;
            if (!forward[i] && shortable[i] && labelJumpsBefore[target[i]] <= j) {
                span[i]--;
                tree.set(i, this);
            }
        }
    }

    /** The tree's three keys of jump j (see {@link Tree}). */
    private int forwardLargeKey(int j) {
        return forward[j] && shortable[j] && large[j] ? span[j] - 2 - maxOffset(j) : NONE;
    }

    private int forwardSmallKey(int j) {
        return forward[j] && shortable[j] && !large[j] ? span[j] - 2 - maxOffset(j) : NONE_BELOW;
    }

    private int backwardLargeKey(int j) {
        return !forward[j] && shortable[j] && large[j] ? span[j] - BACK_SPAN_MAX : NONE;
    }

    /** Counts of large jumps before an index. */
    private static final class Fenwick {
        private final int[] counts;

        Fenwick(int n) {
            counts = new int[n + 1];
        }

        void add(int index, int delta) {
            for (int i = index + 1; i < counts.length; i += i & -i) {
                counts[i] += delta;
            }
        }

        /** The sum over the indices below {@code end}. */
        int prefix(int end) {
            int sum = 0;
            for (int i = end; i > 0; i -= i & -i) {
                sum += counts[i];
            }
            return sum;
        }
    }

    /**
     * A segment tree over the jumps with, per node, the least key of its large forward jumps (a
     * jump shrinks when key + d &lt;= 0), the greatest of its small forward jumps (one grows when
     * key + d &gt; 0) and the least of its large backward jumps (one shrinks when key &lt;= 0).
     */
    private static final class Tree {
        private final int size;
        private final int[] forwardLarge;
        private final int[] forwardSmall;
        private final int[] backwardLarge;

        Tree(int n) {
            int s = 1;
            while (s < Math.max(1, n)) {
                s <<= 1;
            }
            size = s;
            forwardLarge = new int[2 * s];
            forwardSmall = new int[2 * s];
            backwardLarge = new int[2 * s];
            Arrays.fill(forwardLarge, NONE);
            Arrays.fill(forwardSmall, NONE_BELOW);
            Arrays.fill(backwardLarge, NONE);
        }

        /** Nodes visited, for {@link JumpRelaxation#work}. */
        private long visits;

        void set(int j, JumpRelaxation r) {
            int i = j + size;
            forwardLarge[i] = r.forwardLargeKey(j);
            forwardSmall[i] = r.forwardSmallKey(j);
            backwardLarge[i] = r.backwardLargeKey(j);
            for (i >>= 1; i > 0; i >>= 1) {
                visits++;
                forwardLarge[i] = Math.min(forwardLarge[2 * i], forwardLarge[2 * i + 1]);
                forwardSmall[i] = Math.max(forwardSmall[2 * i], forwardSmall[2 * i + 1]);
                backwardLarge[i] = Math.min(backwardLarge[2 * i], backwardLarge[2 * i + 1]);
            }
        }

        private boolean changes(int node, int minusShrunk) {
            return forwardLarge[node] <= minusShrunk || forwardSmall[node] > minusShrunk
                    || backwardLarge[node] <= 0;
        }

        /** The first jump at or after {@code from} whose size changes, or -1. */
        int next(int from, int minusShrunk) {
            return next(1, 0, size, from, minusShrunk);
        }

        private int next(int node, int lo, int hi, int from, int minusShrunk) {
            visits++;
            if (hi <= from || !changes(node, minusShrunk)) {
                return -1;
            }
            if (node >= size) {
                return node - size;
            }
            int mid = (lo + hi) >>> 1;
            int left = next(2 * node, lo, mid, from, minusShrunk);
            return left >= 0 ? left : next(2 * node + 1, mid, hi, from, minusShrunk);
        }
    }
}
