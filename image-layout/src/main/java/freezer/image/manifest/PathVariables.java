package freezer.image.manifest;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $(NAME)} variables of manifest paths ({@code -v NAME=VALUE}), in the order they
 * were given, as manifestfile.py's {@code _resolve_path} substitutes them: each variable in turn
 * replaces every {@code $(NAME)}. Upstream leaves an unknown {@code $(NAME)} in the path (and
 * then fails to find the file); freezer names the missing variable instead, and needs a variable
 * only when a manifest uses it.
 */
public final class PathVariables {
    /** The library folder {@code require()} searches by default (micropython-lib's layout). */
    public static final String MPY_LIB_DIR = "MPY_LIB_DIR";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([^)]*)\\)");

    private final Map<String, String> values;

    private PathVariables(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Variables with these values (in the map's iteration order). */
    public static PathVariables of(Map<String, String> values) {
        return new PathVariables(values);
    }

    public static PathVariables none() {
        return new PathVariables(Map.of());
    }

    /**
     * makemanifest.py's {@code -v NAME=VALUE} list: split at the first {@code =}; a value that
     * names an existing path (relative to {@code cwd}) becomes absolute, any other stays as given.
     * A name given twice keeps its first place and its last value, as a Python dict does.
     *
     * @throws IllegalArgumentException for an item without {@code =} (the command-line parser rejects those first)
     */
    public static PathVariables fromAssignments(List<String> assignments, Path cwd) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("variable '" + a + "' is not NAME=VALUE");
            }
            String value = a.substring(eq + 1);
            if (exists(value, cwd)) {
                value = PosixPath.abspath(value, cwd.toString());
            }
            values.put(a.substring(0, eq), value);
        }
        return new PathVariables(values);
    }

    private static boolean exists(String value, Path cwd) {
        if (value.isEmpty()) {
            return false;
        }
        try {
            return Files.exists(cwd.resolve(value));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The variables in their order. */
    public Map<String, String> values() {
        return values;
    }

    /** A variable's value, or null when it was not given. */
    public String get(String name) {
        return values.get(name);
    }

    /** The path with every {@code $(NAME)} replaced; a {@code $(NAME)} left over names a missing variable. */
    String substitute(String path) {
        String result = path;
        for (Map.Entry<String, String> v : values.entrySet()) {
            result = result.replace("$(" + v.getKey() + ")", v.getValue());
        }
        Matcher m = REFERENCE.matcher(result);
        if (m.find()) {
            String name = m.group(1);
            throw new EvalFailure(ManifestErrorKind.UNDEFINED_VARIABLE, "the path '" + path + "' uses $(" + name
                    + "), which is not set (give it with -v " + name + "=PATH)");
        }
        return result;
    }

    /** {@code _resolve_path}: the path with variables substituted, made absolute against {@code cwd}. */
    String resolve(String path, String cwd) {
        return PosixPath.abspath(substitute(path), cwd);
    }
}
