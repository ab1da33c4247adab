package freezer.image.flash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * UF2 family IDs by name, from the bundled copy of upstream's tools/uf2families.json, looked up
 * as uf2conv.py looks them up: the name in upper case.
 */
public final class Uf2Families {
    /** One family: its short name, 32-bit ID and description. */
    public record Family(String name, long id, String description) {
    }

    private static final String RESOURCE = "uf2families.json";
    private static volatile List<Family> all;

    private Uf2Families() {
    }

    /** Every family, in the file's order. */
    public static List<Family> all() {
        List<Family> a = all;
        if (a == null) {
            a = load();
            all = a;
        }
        return a;
    }

    /** The family of that name (any case), or null. Of two of the same name the last wins, as in uf2conv.py's dict. */
    public static Family byName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        Family found = null;
        for (Family f : all()) {
            if (f.name().equals(upper)) {
                found = f;
            }
        }
        return found;
    }

    /** The first family with that ID, or null. */
    public static Family byId(long id) {
        for (Family f : all()) {
            if (f.id() == id) {
                return f;
            }
        }
        return null;
    }

    private static List<Family> load() {
        try (InputStream in = Uf2Families.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + RESOURCE + " is missing from the jar");
            }
            List<Family> list = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                String id = n.get("id").asText();
                long value = id.startsWith("0x") || id.startsWith("0X") ? Long.parseLong(id.substring(2), 16)
                        : Long.parseLong(id);
                list.add(new Family(n.get("short_name").asText(), value, n.get("description").asText()));
            }
            return Collections.unmodifiableList(list);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled " + RESOURCE, e);
        }
    }
}
