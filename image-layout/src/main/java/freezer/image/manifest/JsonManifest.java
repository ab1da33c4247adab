package freezer.image.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import freezer.core.MpyCrossFlags;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * freezer's JSON manifest form (docs/manifest.md): the resolved list of files, for builds that
 * want no Python at all, and what {@code freezer manifest --json} prints. Schema version 1:
 *
 * <pre>
 * {"format": "freezer-manifest", "schemaVersion": 1, "maxRom": 65536,
 *  "modules": [{"source": "src/app.py", "target": "app.py", "kind": "compile", "opt": 0,
 *               "version": "1.0", "maxRom": 4096, "origin": {...}}]}
 * </pre>
 *
 * Only {@code format}, {@code schemaVersion}, {@code modules} and each module's {@code source}
 * are required. A relative source is relative to the JSON file's folder; {@code $(NAME)}
 * variables are substituted as in manifest.py paths. {@code origin} is informational (written,
 * never read back).
 */
public final class JsonManifest {
    public static final String FORMAT = "freezer-manifest";
    /** The schema version, bumped when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;

    private static final Set<String> TOP_KEYS = Set.of("format", "schemaVersion", "maxRom", "modules");
    private static final Set<String> MODULE_KEYS = Set.of("source", "target", "kind", "opt", "version", "maxRom",
            "origin");

    private final List<FileCollector.Pending> files;
    private final OptionalLong maxRom;

    private JsonManifest(List<FileCollector.Pending> files, OptionalLong maxRom) {
        this.files = files;
        this.maxRom = maxRom;
    }

    List<FileCollector.Pending> files() {
        return files;
    }

    OptionalLong maxRom() {
        return maxRom;
    }

    /** Reads and checks a JSON manifest; each module's file must exist. */
    static JsonManifest read(Path json, PathVariables variables, Path cwd) {
        Path file = cwd.resolve(json).toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ManifestError(ManifestErrorKind.MISSING_FILE, "manifest not found: " + json,
                    new ManifestOrigin(json, 0, 0));
        } catch (IOException e) {
            throw new ManifestError(ManifestErrorKind.UNREADABLE, "cannot read manifest: " + e.getMessage(),
                    new ManifestOrigin(json, 0, 0));
        }
        return new Reader(json, file.getParent().toString(), variables).read(bytes);
    }

    /** Reads one document, remembering where each module starts for its errors. */
    private static final class Reader {
        private final Path json;
        private final String folder;
        private final PathVariables variables;
        private final ObjectMapper mapper = new ObjectMapper();
        private final PackageMetadata noMetadata = new PackageMetadata();

        Reader(Path json, String folder, PathVariables variables) {
            this.json = json;
            this.folder = folder;
            this.variables = variables;
        }

        JsonManifest read(byte[] bytes) {
            JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
            try (JsonParser p = factory.createParser(bytes)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw error(p.currentTokenLocation(), "a JSON manifest is an object");
                }
                JsonLocation start = p.currentTokenLocation();
                String format = null;
                JsonNode version = null;
                OptionalLong maxRom = OptionalLong.empty();
                List<FileCollector.Pending> files = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation at = p.currentTokenLocation();
                    p.nextToken();
                    if (!TOP_KEYS.contains(key)) {
                        throw error(at, "unknown key '" + key + "' (a JSON manifest has " + TOP_KEYS + ")");
                    }
                    switch (key) {
                        case "format" -> format = p.getValueAsString();
                        case "schemaVersion" -> version = mapper.readTree(p);
                        case "maxRom" -> maxRom = budget(mapper.readTree(p), at, "maxRom");
                        default -> files = modules(p, at);
                    }
                }
                if (!FORMAT.equals(format)) {
                    throw error(start, "not a JSON manifest: \"format\" must be \"" + FORMAT + "\"");
                }
                if (version == null || !version.isInt() || version.intValue() != SCHEMA_VERSION) {
                    throw error(start, "JSON manifest schemaVersion " + version + " is not supported (this freezer"
                            + " reads " + SCHEMA_VERSION + ")");
                }
                if (files == null) {
                    throw error(start, "a JSON manifest needs \"modules\" (a list, maybe empty)");
                }
                return new JsonManifest(files, maxRom);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw error(at, "not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private List<FileCollector.Pending> modules(JsonParser p, JsonLocation at) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw error(at, "\"modules\" must be a list");
            }
            List<FileCollector.Pending> files = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation where = p.currentTokenLocation();
                files.add(module(mapper.readTree(p), where));
            }
            return files;
        }

        private FileCollector.Pending module(JsonNode m, JsonLocation at) {
            if (!m.isObject()) {
                throw error(at, "each module is an object with at least \"source\"");
            }
            for (Iterator<String> it = m.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (!MODULE_KEYS.contains(key)) {
                    throw error(at, "unknown module key '" + key + "' (a module has " + MODULE_KEYS + ")");
                }
            }
            String source = string(m, "source", at, true);
            if (source.isEmpty()) {
                throw error(at, "\"source\" is empty");
            }
            String full;
            try {
                full = variables.resolve(source, folder);
            } catch (EvalFailure f) {
                throw new ManifestError(f.kind(), f.getMessage(), origin(at));
            }
            if (!Files.isRegularFile(FileCollector.toPath(full))) {
                throw new ManifestError(ManifestErrorKind.MISSING_FILE, "Cannot stat " + full, origin(at));
            }
            FreezeKind kind = kind(string(m, "kind", at, false), source, at);
            String target = string(m, "target", at, false);
            if (target == null) {
                target = PosixPath.basename(source);
            }
            if (kind != FreezeKind.MPY && !target.endsWith(".py")) {
                throw error(at, "\"target\" of a " + kindName(kind) + " module must end in .py: " + target);
            }
            int opt = 0;
            JsonNode o = m.get("opt");
            if (o != null && !o.isNull()) {
                if (!o.isInt() || o.intValue() < 0 || o.intValue() > 3) {
                    throw error(at, "\"opt\" must be 0, 1, 2 or 3");
                }
                opt = MpyCrossFlags.optimisationLevel("-O" + o.intValue());
            }
            PackageMetadata metadata = noMetadata;
            String version = string(m, "version", at, false);
            if (version != null) {
                metadata = new PackageMetadata();
                metadata.update(Map.of("version", new ManifestValue.Str(version)));
            }
            JsonNode budget = m.get("maxRom");
            return new FileCollector.Pending(kind, full, target, opt, metadata, origin(at),
                    budget == null ? OptionalLong.empty() : budget(budget, at, "maxRom"));
        }

        private FreezeKind kind(String name, String source, JsonLocation at) {
            if (name == null) {
                if (PosixPath.hasExtension(source, ".py")) {
                    return FreezeKind.COMPILE;
                } else if (PosixPath.hasExtension(source, ".mpy")) {
                    return FreezeKind.MPY;
                }
                throw error(at, "\"kind\" is needed for " + source + " (only .py and .mpy have a default)");
            }
            for (FreezeKind k : FreezeKind.values()) {
                if (kindName(k).equals(name)) {
                    return k;
                }
            }
            throw error(at, "\"kind\" must be \"compile\", \"mpy\" or \"str\", not \"" + name + "\"");
        }

        private String string(JsonNode m, String key, JsonLocation at, boolean required) {
            JsonNode v = m.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(at, "a module needs \"" + key + "\"");
                }
                return null;
            }
            if (!v.isTextual()) {
                throw error(at, "\"" + key + "\" must be a string");
            }
            return v.textValue();
        }

        private OptionalLong budget(JsonNode v, JsonLocation at, String key) {
            if (v.isNull()) {
                return OptionalLong.empty();
            }
            if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
                throw error(at, "\"" + key + "\" must be a number of bytes (an integer, 0 or more)");
            }
            return OptionalLong.of(v.longValue());
        }

        private ManifestOrigin origin(JsonLocation at) {
            return at == null ? new ManifestOrigin(json, 0, 0)
                    : new ManifestOrigin(json, at.getLineNr(), at.getColumnNr());
        }

        private ManifestError error(JsonLocation at, String message) {
            return new ManifestError(ManifestErrorKind.BAD_JSON, message, origin(at));
        }
    }

    /** The name of a kind in the JSON form. */
    public static String kindName(FreezeKind kind) {
        return switch (kind) {
            case COMPILE -> "compile";
            case MPY -> "mpy";
            case STR -> "str";
        };
    }

    /** The JSON form of a resolved manifest, ending with a newline; sources are written as they are (absolute). */
    public static String write(Manifest manifest) {
        StringWriter w = new StringWriter();
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent));
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            if (manifest.maxRom().isPresent()) {
                g.writeNumberField("maxRom", manifest.maxRom().getAsLong());
            }
            g.writeArrayFieldStart("modules");
            for (ManifestEntry e : manifest.entries()) {
                g.writeStartObject();
                g.writeStringField("source", e.source().toString());
                g.writeStringField("target", e.target());
                g.writeStringField("kind", kindName(e.kind()));
                g.writeNumberField("opt", e.opt());
                if (e.version() != null) {
                    g.writeStringField("version", e.version());
                }
                if (e.maxRom().isPresent()) {
                    g.writeNumberField("maxRom", e.maxRom().getAsLong());
                }
                if (e.origin() != null) {
                    g.writeObjectFieldStart("origin");
                    g.writeStringField("manifest", e.origin().manifest().toString());
                    g.writeNumberField("line", e.origin().line());
                    g.writeNumberField("column", e.origin().column());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }
}
