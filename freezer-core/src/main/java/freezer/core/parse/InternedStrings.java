package freezer.core.parse;

import freezer.core.qstr.BuiltinQstrs;
import java.util.HashSet;
import java.util.Set;

/**
 * The strings interned as qstrs so far in a compile: mpy-cross's built-in pool, then whatever
 * the compile interns, in order (the input path and source name, each identifier the parser
 * meets, short string literals). Whether a long string literal becomes a qstr or a str object
 * depends on this set at the moment the parser reaches it.
 */
public final class InternedStrings {
    /** qstr lengths are stored in one byte (MICROPY_QSTR_BYTES_IN_LEN). */
    public static final int MAX_LENGTH = 255;

    private final BuiltinQstrs builtins = BuiltinQstrs.get();
    private final Set<String> added = new HashSet<>();

    public boolean contains(String s) {
        return builtins.contains(s) || added.contains(s);
    }

    /**
     * qstr_from_strn: interns {@code s}.
     *
     * @return false when {@code s} is new and too long to be a qstr ("name too long")
     */
    public boolean intern(String s) {
        if (builtins.contains(s)) {
            return true;
        }
        if (s.length() > MAX_LENGTH) {
            return added.contains(s);
        }
        added.add(s);
        return true;
    }
}
