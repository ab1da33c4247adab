package freezer.reports.advise;

/** How a read value (or an attribute name) is used, as far as the advice about it cares. */
public enum ReadContext {
    /** Anything not listed below: passed on, returned, stored, combined. */
    PLAIN,
    /** Called: {@code name(...)}. */
    CALLED,
    /** Indexed for a load with a single index, no slice: {@code name[i]}. */
    INDEXED,
    /** Indexed or sliced as the target of a store or delete: {@code name[i] = v}. */
    INDEXED_TARGET,
    /** An attribute taken from it: {@code name.attr}, including method calls. */
    ATTRIBUTE_BASE,
    /** The only argument of the builtin {@code len}. */
    LEN_ARGUMENT,
    /** What a for loop or comprehension iterates over. */
    ITERATED,
    /** The right side of {@code in} or {@code not in}. */
    MEMBERSHIP,
    /**
     * {@code range} in {@code for x in range(...)}, which the compiler turns into a counter loop
     * without reading the name at all (compile.c compile_for_stmt; freezer's FlowCompiler.forRange).
     */
    RANGE_LOOP,
    /** For an attribute name: assigned or deleted through, {@code obj.name = v}. */
    ATTRIBUTE_TARGET
}
