package freezer.reports.advise;

import freezer.core.parse.ParseNode;
import freezer.core.parse.RuleNode;

/**
 * One identifier of the parse tree and what it does there. The parse tree keeps no position for
 * identifiers, so {@link #position()} is filled in afterwards from the lexer's NAME tokens
 * ({@link TokenMatcher}); until then, and where the match fails, it is unknown and
 * {@link #statement()} gives the line.
 *
 * @param context for reads, how the value is used; PLAIN otherwise
 * @param loop the innermost loop of the same scope whose every pass runs this, or null
 * @param statement the innermost statement holding it
 * @param topLevel the index of the module's top-level statement holding it
 * @param unconditional whether that statement is the occurrence's own statement at module level:
 *     run exactly once when the module is imported, whatever happens before it
 * @param value for a plain {@code name = value} (one target, no unpacking), the value; else null
 */
public final class Occurrence {
    private final String name;
    private final NameRole role;
    private final ReadContext context;
    private final NameScope scope;
    private final Loop loop;
    private final RuleNode statement;
    private final int topLevel;
    private final boolean unconditional;
    private final ParseNode value;
    private SourcePosition position = SourcePosition.UNKNOWN;

    Occurrence(String name, NameRole role, ReadContext context, NameScope scope, Loop loop, RuleNode statement,
            int topLevel, boolean unconditional, ParseNode value) {
        this.name = name;
        this.role = role;
        this.context = context;
        this.scope = scope;
        this.loop = loop;
        this.statement = statement;
        this.topLevel = topLevel;
        this.unconditional = unconditional;
        this.value = value;
    }

    public String name() {
        return name;
    }

    public NameRole role() {
        return role;
    }

    public ReadContext context() {
        return context;
    }

    public NameScope scope() {
        return scope;
    }

    public Loop loop() {
        return loop;
    }

    public RuleNode statement() {
        return statement;
    }

    public int topLevel() {
        return topLevel;
    }

    public boolean unconditional() {
        return unconditional;
    }

    public ParseNode value() {
        return value;
    }

    public SourcePosition position() {
        return position;
    }

    void setPosition(SourcePosition p) {
        this.position = p;
    }

    /** The line to name: the identifier's own when known, else its statement's. */
    public int line() {
        return position.line();
    }

    public int column() {
        return position.column();
    }

    @Override
    public String toString() {
        return name + ":" + role + (context == ReadContext.PLAIN ? "" : "/" + context) + "@" + line() + ":"
                + column();
    }
}
