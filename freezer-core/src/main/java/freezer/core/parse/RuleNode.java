package freezer.core.parse;

/**
 * A parse node made by a rule: the rule, the line of its first token, and its children. The
 * compiler records a scope in the node of each rule that opens one (the blank slot of upstream's
 * AND_BLANK rules), so that later passes find the same scope again.
 */
public final class RuleNode implements ParseNode {
    private final Rule rule;
    private final int line;
    private final int offset;
    private final ParseNode[] args;
    private Object scope;

    RuleNode(Rule rule, int line, int offset, ParseNode[] args) {
        this.rule = rule;
        this.line = line;
        this.offset = offset;
        this.args = args;
    }

    public Rule rule() {
        return rule;
    }

    public int line() {
        return line;
    }

    /**
     * The source offset of its first token (freezer's addition, for error positions: upstream
     * keeps only the line).
     */
    public int offset() {
        return offset;
    }

    public int size() {
        return args.length;
    }

    public ParseNode arg(int i) {
        return args[i];
    }

    /** The same children under another rule (parse.c relabels a node in place). */
    RuleNode withRule(Rule other) {
        return new RuleNode(other, line, offset, args);
    }

    /** The compiler's scope for this node, or null before the scope pass reached it. */
    public Object scope() {
        return scope;
    }

    public void setScope(Object scope) {
        this.scope = scope;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(rule.name()).append('(');
        for (int i = 0; i < args.length; i++) {
            b.append(i == 0 ? "" : ", ").append(args[i]);
        }
        return b.append(')').toString();
    }
}
