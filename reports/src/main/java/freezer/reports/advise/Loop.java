package freezer.reports.advise;

import freezer.core.parse.RuleNode;

/**
 * A for or while loop of one scope. The parts run on every pass (a while's condition, a for's
 * target and the body) are "in" the loop; the iterable and the else branch, run once, are not.
 *
 * @param node the for_stmt or while_stmt (inside async_stmt for {@code async for})
 * @param statement the statement that starts the loop's line: the async_stmt for {@code async for}
 * @param outer the loop this one is nested in within the same scope, or null
 */
public record Loop(RuleNode node, RuleNode statement, Loop outer) {
    /** The outermost loop of its scope that contains this one. */
    public Loop outermost() {
        Loop l = this;
        while (l.outer != null) {
            l = l.outer;
        }
        return l;
    }
}
