package freezer.reports.advise;

import freezer.core.parse.RuleNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A block of code with its own names, as Python scopes them (py/scope.c's kinds, folded: every
 * comprehension is one kind here). It keeps its identifiers in source order and answers where a
 * name read in it is looked up.
 */
public final class NameScope {
    /** The kinds of scope; lambdas, comprehensions and functions keep their names in fast locals. */
    public enum Kind {
        MODULE, CLASS, FUNCTION, LAMBDA, COMPREHENSION;

        public boolean isFunctionLike() {
            return this == FUNCTION || this == LAMBDA || this == COMPREHENSION;
        }
    }

    private final Kind kind;
    private final String name;
    private final NameScope parent;
    private final RuleNode node;
    private final int topLevel;
    private final List<NameScope> children = new ArrayList<>();
    private final List<Occurrence> occurrences = new ArrayList<>();
    private final Set<String> globals = new LinkedHashSet<>();
    private final Set<String> nonlocals = new LinkedHashSet<>();
    private boolean generator;

    NameScope(Kind kind, String name, NameScope parent, RuleNode node, int topLevel) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        this.node = node;
        this.topLevel = topLevel;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The function's or class's name; {@code <module>}, {@code <lambda>}, {@code <comprehension>} otherwise. */
    public String name() {
        return name;
    }

    public NameScope parent() {
        return parent;
    }

    /** The funcdef, classdef, lambdef or comprehension node; null for the module. */
    public RuleNode node() {
        return node;
    }

    /** The index of the module's top-level statement this scope is defined in; -1 for the module. */
    public int topLevel() {
        return topLevel;
    }

    public List<NameScope> children() {
        return Collections.unmodifiableList(children);
    }

    /** This scope's own identifiers (not those of nested scopes), in source order. */
    public List<Occurrence> occurrences() {
        return Collections.unmodifiableList(occurrences);
    }

    /** Whether the function is a generator or a coroutine: it can stop mid-loop and resume later. */
    public boolean generator() {
        return generator;
    }

    void markGenerator() {
        generator = true;
    }

    void add(Occurrence o) {
        occurrences.add(o);
    }

    void declareGlobal(String n) {
        globals.add(n);
    }

    void declareNonlocal(String n) {
        nonlocals.add(n);
    }

    public boolean declaresGlobal(String n) {
        return globals.contains(n);
    }

    /** Whether some identifier of this scope binds {@code n}. */
    public boolean binds(String n) {
        for (Occurrence o : occurrences) {
            if (o.name().equals(n) && o.role().binds()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name read here is a local of this scope (a fast local, or the class namespace). */
    public boolean isLocal(String n) {
        if (kind == Kind.MODULE) {
            return false;
        }
        return binds(n) && !globals.contains(n) && !nonlocals.contains(n);
    }

    /**
     * Whether reading {@code n} here looks it up in the module's globals (then the builtins), as
     * scope.c decides: not local here, and not a local of an enclosing function (class bodies do
     * not enclose the functions in them).
     */
    public boolean readsGlobal(String n) {
        if (kind == Kind.MODULE || globals.contains(n)) {
            return true;
        }
        if (nonlocals.contains(n) || binds(n)) {
            return false;
        }
        for (NameScope s = parent; s.kind != Kind.MODULE; s = s.parent) {
            if (s.kind == Kind.CLASS) {
                continue;
            }
            if (s.globals.contains(n)) {
                return true;
            }
            if (s.nonlocals.contains(n) || s.binds(n)) {
                return false;
            }
        }
        return true;
    }

    /** The module scope at the root. */
    public NameScope module() {
        NameScope s = this;
        while (s.parent != null) {
            s = s.parent;
        }
        return s;
    }

    /** Every scope from this one down, in source order. */
    public List<NameScope> allScopes() {
        List<NameScope> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(NameScope s, List<NameScope> out) {
        out.add(s);
        for (NameScope c : s.children) {
            collect(c, out);
        }
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
