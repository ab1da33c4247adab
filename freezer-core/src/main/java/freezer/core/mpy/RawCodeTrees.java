package freezer.core.mpy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walks of function trees with an explicit stack: mpy-cross nests functions thousands deep
 * (5,000 nested lambdas compile), deeper than recursion on a thread's stack allows.
 */
public final class RawCodeTrees {
    private RawCodeTrees() {
    }

    /**
     * A function and where it sits.
     *
     * @param id its index in {@link #preorder} order (0 is the module's top level)
     * @param parent the id of the function that creates it, or -1 for the top level
     * @param childIndex its index among its parent's children (-1 for the top level)
     * @param depth 0 for the top level, 1 for its children, ...
     */
    public record Node(RawCode code, int id, int parent, int childIndex, int depth) {
    }

    /** Every function, parents before children, children in order (mpy-tool's order). */
    public static List<Node> preorder(RawCode root) {
        List<Node> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(new Node(root, -1, -1, -1, 0));
        while (!stack.isEmpty()) {
            Node pending = stack.pop();
            Node n = new Node(pending.code(), out.size(), pending.parent(), pending.childIndex(), pending.depth());
            out.add(n);
            List<RawCode> children = n.code().children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(new Node(children.get(i), -1, n.id(), i, n.depth() + 1));
            }
        }
        return out;
    }

    /** Paths of up to this depth are shown whole; deeper ones keep their first and last ten steps. */
    private static final int PATH_SHOWN = 24;
    private static final int PATH_ENDS = 10;

    /**
     * Every function's place as child indices from the top level: {@code 0} is the module,
     * {@code 0.2.1} the second child of its third child. Paths deeper than 24 are shortened in
     * the middle ({@code 0.1...(n more)...0}), so the texts stay short however deep the tree.
     *
     * @param nodes the result of {@link #preorder}
     */
    public static List<String> pathTexts(List<Node> nodes) {
        List<String> prefix = new ArrayList<>(nodes.size());
        List<String> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            if (n.parent() < 0) {
                prefix.add("0");
                out.add("0");
                continue;
            }
            prefix.add(n.depth() <= PATH_ENDS ? prefix.get(n.parent()) + "." + n.childIndex() : prefix.get(n.parent()));
            if (n.depth() <= PATH_SHOWN) {
                out.add(out.get(n.parent()) + "." + n.childIndex());
                continue;
            }
            StringBuilder tail = new StringBuilder();
            Node at = n;
            for (int i = 0; i < PATH_ENDS; i++) {
                tail.insert(0, "." + at.childIndex());
                at = nodes.get(at.parent());
            }
            out.add(prefix.get(n.id()) + ".(" + (n.depth() - 2 * PATH_ENDS) + " more)" + tail);
        }
        return out;
    }

    static boolean equal(RawCode a, RawCode b) {
        Deque<RawCode[]> stack = new ArrayDeque<>();
        stack.push(new RawCode[] {a, b});
        while (!stack.isEmpty()) {
            RawCode[] pair = stack.pop();
            RawCode x = pair[0];
            RawCode y = pair[1];
            if (x == y) {
                continue;
            }
            if (!sameShallow(x, y) || x.children().size() != y.children().size()) {
                return false;
            }
            for (int i = 0; i < x.children().size(); i++) {
                stack.push(new RawCode[] {x.children().get(i), y.children().get(i)});
            }
        }
        return true;
    }

    static int hash(RawCode root) {
        // post-order: a node's hash needs its children's
        Map<RawCode, Integer> done = new IdentityHashMap<>();
        Deque<RawCode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            RawCode c = stack.peek();
            boolean ready = true;
            for (RawCode child : c.children()) {
                if (!done.containsKey(child)) {
                    ready = false;
                    stack.push(child);
                }
            }
            if (ready) {
                stack.pop();
                int h = shallowHash(c);
                for (RawCode child : c.children()) {
                    h = 31 * h + done.get(child);
                }
                done.put(c, h);
            }
        }
        return done.get(root);
    }

    private static boolean sameShallow(RawCode x, RawCode y) {
        if (x instanceof BytecodeFunction a && y instanceof BytecodeFunction b) {
            return a.prelude().equals(b.prelude()) && a.simpleName() == b.simpleName()
                    && a.argNames().equals(b.argNames()) && a.lineInfo().equals(b.lineInfo())
                    && a.cells().equals(b.cells()) && a.instructions().equals(b.instructions());
        }
        if (x instanceof NativePyFunction a && y instanceof NativePyFunction b) {
            return a.sameShallow(b);
        }
        if (x instanceof ViperFunction a && y instanceof ViperFunction b) {
            return a.sameShallow(b);
        }
        if (x instanceof AsmFunction a && y instanceof AsmFunction b) {
            return a.sameShallow(b);
        }
        return false;
    }

    private static int shallowHash(RawCode c) {
        if (c instanceof BytecodeFunction b) {
            return Objects.hash(b.prelude(), b.simpleName(), b.argNames(), b.lineInfo(), b.cells(), b.instructions());
        }
        if (c instanceof NativePyFunction n) {
            return Arrays.hashCode(n.machineCode()) * 31 + n.preludeOffset();
        }
        if (c instanceof ViperFunction v) {
            return Arrays.hashCode(v.machineCode()) * 31 + v.scopeFlags();
        }
        AsmFunction a = (AsmFunction) c;
        return Arrays.hashCode(a.machineCode()) * 31 + a.nPosArgs();
    }
}
