package freezer.image.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a manifest function, as its Python definition in tools/manifestfile.py
 * declares them, and Python's rules for binding a call's arguments to them: positional
 * arguments fill parameters in order, keywords by name, defaults fill the rest, and extra
 * positional or keyword arguments are an error unless the function collects them
 * ({@code *args}, {@code **kwargs}).
 */
final class Signature {
    private final String function;
    private final List<String> params = new ArrayList<>();
    private final List<ManifestValue> defaults = new ArrayList<>();
    private boolean varPositional;
    private boolean varKeywords;

    private Signature(String function) {
        this.function = function;
    }

    /** A function with these required parameters. */
    static Signature of(String function, String... required) {
        Signature s = new Signature(function);
        for (String p : required) {
            s.params.add(p);
            s.defaults.add(null);
        }
        return s;
    }

    /** Adds a parameter with a default value. */
    Signature optional(String name, ManifestValue defaultValue) {
        params.add(name);
        defaults.add(defaultValue);
        return this;
    }

    /** Collects extra positional arguments ({@code *args}). */
    Signature varPositional() {
        varPositional = true;
        return this;
    }

    /** Collects extra keyword arguments ({@code **kwargs}). */
    Signature varKeywords() {
        varKeywords = true;
        return this;
    }

    String function() {
        return function;
    }

    /** A call's arguments bound to the parameters. */
    Bound bind(List<ManifestValue> positional, Map<String, ManifestValue> keywords) {
        ManifestValue[] values = new ManifestValue[params.size()];
        List<ManifestValue> extraPositional = new ArrayList<>();
        for (int i = 0; i < positional.size(); i++) {
            if (i < values.length) {
                values[i] = positional.get(i);
            } else if (varPositional) {
                extraPositional.add(positional.get(i));
            } else {
                throw unknownArgument(function + "() takes " + countText(params.size(), "positional argument")
                        + " but " + positional.size() + (positional.size() == 1 ? " was" : " were") + " given");
            }
        }
        Map<String, ManifestValue> extraKeywords = new LinkedHashMap<>();
        for (Map.Entry<String, ManifestValue> kw : keywords.entrySet()) {
            int i = params.indexOf(kw.getKey());
            if (i >= 0) {
                if (values[i] != null) {
                    throw unknownArgument(function + "() got multiple values for argument '" + kw.getKey() + "'");
                }
                values[i] = kw.getValue();
            } else if (varKeywords) {
                extraKeywords.put(kw.getKey(), kw.getValue());
            } else {
                throw unknownArgument(function + "() got an unexpected keyword argument '" + kw.getKey() + "'");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = defaults.get(i);
                if (values[i] == null) {
                    missing.add("'" + params.get(i) + "'");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw unknownArgument(function + "() missing " + countText(missing.size(), "required positional argument")
                    + ": " + String.join(" and ", missing));
        }
        Map<String, ManifestValue> named = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            named.put(params.get(i), values[i]);
        }
        return new Bound(function, named, List.copyOf(extraPositional), extraKeywords);
    }

    private static String countText(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static EvalFailure unknownArgument(String message) {
        return new EvalFailure(ManifestErrorKind.UNKNOWN_ARGUMENT, message);
    }

    /** Bound arguments, with typed getters whose errors name the function and parameter. */
    record Bound(String function, Map<String, ManifestValue> named, List<ManifestValue> extraPositional,
            Map<String, ManifestValue> extraKeywords) {

        ManifestValue get(String name) {
            return named.get(name);
        }

        boolean isNone(String name) {
            return named.get(name) == ManifestValue.None.NONE;
        }

        /** A str argument. */
        String str(String name) {
            if (named.get(name) instanceof ManifestValue.Str s) {
                return s.text();
            }
            throw EvalFailure.badArgument(function + "(): " + name + " must be a str, not "
                    + named.get(name).typeName());
        }

        /** A str argument, or null for None. */
        String optionalStr(String name) {
            return isNone(name) ? null : str(name);
        }
    }
}
