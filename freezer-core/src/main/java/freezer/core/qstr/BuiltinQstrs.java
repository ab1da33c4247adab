package freezer.core.qstr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import freezer.core.ByteStrings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The qstrs compiled into mpy-cross v1.28.0 (bundled from {@code ../shared/facts}). At compile
 * time these are exactly the interned strings a module starts with; the first
 * {@link #staticCount()} of them (after the null qstr) are the static qstrs a .mpy refers to by
 * number. Strings here are byte strings (see {@link ByteStrings}).
 */
public final class BuiltinQstrs {
    private static final BuiltinQstrs INSTANCE = load();

    private final List<String> pool;
    private final Map<String, Integer> indexOf;
    private final int staticCount;

    private BuiltinQstrs(List<String> pool, int staticCount) {
        this.pool = Collections.unmodifiableList(pool);
        this.staticCount = staticCount;
        Map<String, Integer> index = new HashMap<>();
        // entry 0 is MP_QSTRnull, whose empty text belongs to MP_QSTR_ (entry 1)
        for (int i = 1; i < pool.size(); i++) {
            index.putIfAbsent(pool.get(i), i);
        }
        this.indexOf = index;
    }

    public static BuiltinQstrs get() {
        return INSTANCE;
    }

    /** Whether mpy-cross has this string interned before it reads any input. */
    public boolean contains(String byteString) {
        return indexOf.containsKey(byteString);
    }

    /** The pool index of this string in mpy-cross, or -1. */
    public int poolIndex(String byteString) {
        Integer i = indexOf.get(byteString);
        return i == null ? -1 : i;
    }

    /**
     * The number a .mpy writes (as {@code n << 1 | 1}) for a static qstr, or -1 when the string
     * must be spelled out. Static qstrs are pool entries 1 to {@link #staticCount()}.
     */
    public int staticNumber(String byteString) {
        int i = poolIndex(byteString);
        return i >= 1 && i <= staticCount ? i : -1;
    }

    /** The string a static qstr number stands for, or null when out of range. */
    public String staticString(int number) {
        return number >= 1 && number <= staticCount ? pool.get(number) : null;
    }

    public int staticCount() {
        return staticCount;
    }

    public List<String> pool() {
        return pool;
    }

    private static BuiltinQstrs load() {
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode all = json.readTree(resource("mpy-cross-qstrs.json"));
            JsonNode statics = json.readTree(resource("static-qstrs.json"));
            List<String> pool = new ArrayList<>();
            for (JsonNode q : all) {
                if (q.get("index").asInt() != pool.size()) {
                    throw new IllegalStateException("mpy-cross-qstrs.json is not in pool order");
                }
                pool.add(ByteStrings.fromText(q.get("string").asText()));
            }
            for (int i = 0; i < statics.size(); i++) {
                if (!pool.get(i + 1).equals(ByteStrings.fromText(statics.get(i).asText()))) {
                    throw new IllegalStateException("static qstr " + i + " is not pool entry " + (i + 1));
                }
            }
            return new BuiltinQstrs(pool, statics.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BuiltinQstrs.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing bundled resource " + name);
        }
        return in;
    }
}
