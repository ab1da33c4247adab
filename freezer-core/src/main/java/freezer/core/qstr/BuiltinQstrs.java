package freezer.core.qstr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
        // entry 0 is the null qstr, not the empty string (which is entry 1)
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
        try {
            List<String> pool = stringsOf(resource("mpy-cross-qstrs.json"), "string");
            List<String> statics = stringsOf(resource("static-qstrs.json"), null);
            for (int i = 0; i < statics.size(); i++) {
                if (!pool.get(i + 1).equals(statics.get(i))) {
                    throw new IllegalStateException("static qstr " + i + " is not pool entry " + (i + 1));
                }
            }
            return new BuiltinQstrs(pool, statics.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The strings of a JSON array, as byte strings: the array's own strings, or each object's
     * {@code field}. A streaming read: building a databind mapper would cost more start-up time
     * than the rest of a one-file compile.
     */
    private static List<String> stringsOf(InputStream in, String field) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("expected a JSON array");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (field == null) {
                    out.add(ByteStrings.fromText(p.getText()));
                    continue;
                }
                String value = null;
                for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
                    String name = p.currentName();
                    p.nextToken();
                    if (field.equals(name)) {
                        value = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                out.add(ByteStrings.fromText(value));
            }
        }
        return out;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BuiltinQstrs.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing bundled resource " + name);
        }
        return in;
    }
}
