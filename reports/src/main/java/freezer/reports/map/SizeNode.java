package freezer.reports.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One box of a report's tree: the whole image, a package, a module (or ROMFS file), a function,
 * or one C object; its bytes, split into categories, and its children.
 */
public final class SizeNode {
    /** What level of the tree a node is. */
    public enum Level {
        IMAGE, PACKAGE, UNIT, FUNCTION, ITEM
    }

    private final String name;
    private final Level level;
    private final String kind;
    private final Map<Category, Long> bytes = new EnumMap<>(Category.class);
    private final List<SizeNode> children = new ArrayList<>();

    SizeNode(String name, Level level, String kind) {
        this.name = name;
        this.level = level;
        this.kind = kind;
    }

    public String name() {
        return name;
    }

    public Level level() {
        return level;
    }

    /** The unit's kind ({@code compiled}, {@code file} ...), the function's code kind, the item's kind; or null. */
    public String kind() {
        return kind;
    }

    public long size() {
        long s = 0;
        for (long b : bytes.values()) {
            s += b;
        }
        return s;
    }

    public long bytes(Category c) {
        return bytes.getOrDefault(c, 0L);
    }

    public List<SizeNode> children() {
        return Collections.unmodifiableList(children);
    }

    SizeNode add(SizeNode child) {
        children.add(child);
        return child;
    }

    /** Counts bytes here and in every ancestor the caller adds them to. */
    void count(Category c, long n) {
        if (n != 0) {
            bytes.merge(c, n, Long::sum);
        }
    }

    /** Adds a child's categories into this node. */
    void countAll(SizeNode child) {
        for (Map.Entry<Category, Long> e : child.bytes.entrySet()) {
            count(e.getKey(), e.getValue());
        }
    }
}
