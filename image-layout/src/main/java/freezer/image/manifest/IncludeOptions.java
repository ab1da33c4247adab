package freezer.image.manifest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code options} of a manifest (manifestfile.py's IncludeOptions): the keyword arguments of
 * the {@code include()} or {@code require()} that read it, then those given to
 * {@code options.defaults(...)}, and None for any other name.
 */
final class IncludeOptions implements ManifestValue.Attributes {
    private final Map<String, ManifestValue> kwargs;
    private Map<String, ManifestValue> defaults = Map.of();
    private final ManifestValue.Function defaultsFunction = new ManifestValue.Function("defaults",
            Signature.of("defaults").varKeywords(), (args, call) -> {
                defaults = new LinkedHashMap<>(args.extraKeywords());
                return ManifestValue.None.NONE;
            });

    IncludeOptions(Map<String, ManifestValue> kwargs) {
        this.kwargs = new LinkedHashMap<>(kwargs);
    }

    @Override
    public ManifestValue attribute(String name) {
        if (name.equals("defaults")) {
            return defaultsFunction;
        }
        ManifestValue v = kwargs.get(name);
        if (v == null) {
            v = defaults.get(name);
        }
        return v == null ? ManifestValue.None.NONE : v;
    }

    @Override
    public String typeName() {
        return "IncludeOptions";
    }
}
