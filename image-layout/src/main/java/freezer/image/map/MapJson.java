package freezer.image.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link MemoryMap} as JSON (docs/map.md): snake_case field names in the records' order, null
 * fields left out, two-space indentation, a final newline. Reading accepts fields it does not
 * know (a later freezer may add some without changing the version) and refuses a later
 * {@code schema_version}.
 */
public final class MapJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MapJson() {
    }

    /** The map as UTF-8 JSON text. */
    public static byte[] write(MemoryMap map) {
        try {
            String s = MAPPER.writeValueAsString(map).replace("\r\n", "\n");
            return (s + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a memory map could not be written as JSON", e);
        }
    }

    /**
     * Reads a map.
     *
     * @throws IOException when the text is not a map of a schema version this freezer reads
     */
    public static MemoryMap read(byte[] json) throws IOException {
        JsonNode tree = MAPPER.readTree(json);
        if (tree == null || !tree.isObject()) {
            throw new IOException("not a memory map: the JSON is not an object");
        }
        JsonNode v = tree.get("schema_version");
        if (v == null || !v.canConvertToInt()) {
            throw new IOException("not a memory map: no schema_version");
        }
        if (v.asInt() > MemoryMap.SCHEMA_VERSION || v.asInt() < 1) {
            throw new IOException("memory map schema_version " + v.asInt() + " is not one this freezer reads (it reads 1 to "
                    + MemoryMap.SCHEMA_VERSION + ")");
        }
        return MAPPER.treeToValue(tree, MemoryMap.class);
    }
}
