package freezer.core.emit;

import freezer.core.mpy.RawCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where a scope's finished function goes. A parent is emitted before its children, so it
 * refers to their holders, which are filled later (as upstream's raw_code pointers are); once
 * every scope is emitted, {@link #toRawCode} builds the tree.
 */
public final class CodeHolder {
    private Function<List<RawCode>, RawCode> function;
    private List<CodeHolder> children = List.of();

    /**
     * Fills the holder: the function, given its children's finished functions, and the holders
     * of those children in the order its code numbers them.
     */
    public void assign(List<CodeHolder> childHolders, Function<List<RawCode>, RawCode> withChildren) {
        this.children = List.copyOf(childHolders);
        this.function = withChildren;
    }

    /** The function and every function under it. */
    public RawCode toRawCode() {
        if (function == null) {
            throw new IllegalStateException("a scope was never emitted");
        }
        List<RawCode> done = new ArrayList<>(children.size());
        for (CodeHolder c : children) {
            done.add(c.toRawCode());
        }
        return function.apply(done);
    }
}
