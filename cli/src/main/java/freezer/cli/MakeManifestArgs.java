package freezer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code freezer freeze}'s command line: tools/makemanifest.py's options, read as its argparse
 * reads them (long options by any unambiguous prefix, {@code --name=value}, short options with
 * the value glued on: {@code -f-march=armv7m}, options and manifests in any order, {@code --}
 * ending the options), plus freezer's own.
 *
 * @param output {@code -o/--output}, or null
 * @param buildDir {@code -b/--build-dir}, or null
 * @param mpyCrossFlags {@code -f/--mpy-cross-flags} (default empty)
 * @param vars {@code -v/--var} in order
 * @param mpyToolFlags {@code --mpy-tool-flags} (default empty)
 * @param manifests the manifests: files ({@code .py}, {@code .json}) or code
 * @param qstrHeader {@code -q/--qstr-header}, or null (then BUILD/genhdr/qstrdefs.preprocessed.h)
 * @param options freezer's other options by their long name ({@code target}, {@code map}, ...);
 *     a switch maps to {@code "true"}
 */
record MakeManifestArgs(String output, String buildDir, String mpyCrossFlags, List<String> vars, String mpyToolFlags,
        List<String> manifests, String qstrHeader, Map<String, String> options) {

    /** A command line argparse would refuse, with its complaint. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** One option: its names, and whether it takes a value. */
    private record Spec(String longName, String shortName, boolean takesValue) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("--output", "-o", true),
            new Spec("--build-dir", "-b", true),
            new Spec("--mpy-cross-flags", "-f", true),
            new Spec("--var", "-v", true),
            new Spec("--mpy-tool-flags", null, true),
            // freezer's own
            new Spec("--qstr-header", "-q", true),
            new Spec("--target", null, true),
            new Spec("--word-size", null, true),
            new Spec("--float-size", null, true),
            new Spec("--obj-repr", null, true),
            new Spec("--persistent-code-save", null, true),
            new Spec("--map", null, true),
            new Spec("--max-rom", null, true),
            new Spec("--strict", null, false),
            new Spec("--jobs", "-j", true),
            new Spec("--help", "-h", false));

    static MakeManifestArgs parse(List<String> args) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> vars = new ArrayList<>();
        List<String> manifests = new ArrayList<>();
        boolean optionsDone = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsDone || !looksLikeOption(arg)) {
                manifests.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsDone = true;
                continue;
            }
            Spec spec;
            String value = null;
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                spec = longOption(name);
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                }
            } else {
                int eq = arg.indexOf('=');
                Spec exact = eq < 0 ? shortOption(arg) : shortOption(arg.substring(0, eq));
                if (exact != null) {
                    spec = exact;
                    if (eq >= 0) {
                        value = arg.substring(eq + 1);
                    }
                } else {
                    spec = shortOption(arg.substring(0, 2));
                    if (spec == null) {
                        throw new UsageException("unrecognized arguments: " + arg);
                    }
                    if (!spec.takesValue) {
                        throw new UsageException("argument " + names(spec) + ": ignored explicit argument '"
                                + arg.substring(2) + "'");
                    }
                    value = arg.substring(2);
                }
            }
            if (!spec.takesValue) {
                if (value != null) {
                    throw new UsageException("argument " + names(spec) + ": ignored explicit argument '" + value + "'");
                }
                values.put(spec.longName, "true");
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size() || looksLikeOption(args.get(i + 1))) {
                    throw new UsageException("argument " + names(spec) + ": expected one argument");
                }
                value = args.get(++i);
            }
            if (spec.longName.equals("--var")) {
                vars.add(value);
            } else {
                values.put(spec.longName, value);
            }
        }
        Map<String, String> own = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!List.of("--output", "--build-dir", "--mpy-cross-flags", "--mpy-tool-flags", "--qstr-header")
                    .contains(e.getKey())) {
                own.put(e.getKey().substring(2), e.getValue());
            }
        }
        if (manifests.isEmpty() && !own.containsKey("help")) {
            throw new UsageException("the following arguments are required: files");
        }
        return new MakeManifestArgs(values.get("--output"), values.get("--build-dir"),
                values.getOrDefault("--mpy-cross-flags", ""), vars, values.getOrDefault("--mpy-tool-flags", ""),
                manifests, values.get("--qstr-header"), own);
    }

    /** argparse: a dash and something, unless it is a negative number. */
    private static boolean looksLikeOption(String arg) {
        return arg.length() > 1 && arg.charAt(0) == '-' && !arg.matches("-\\d+(\\.\\d*)?|-\\.\\d+");
    }

    private static Spec longOption(String name) throws UsageException {
        List<Spec> matches = new ArrayList<>();
        for (Spec s : SPECS) {
            if (s.longName.equals(name)) {
                return s;
            }
            if (s.longName.startsWith(name)) {
                matches.add(s);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new UsageException("unrecognized arguments: " + name);
        }
        List<String> names = new ArrayList<>();
        for (Spec s : matches) {
            names.add(s.longName);
        }
        throw new UsageException("ambiguous option: " + name + " could match " + String.join(", ", names));
    }

    private static Spec shortOption(String name) {
        for (Spec s : SPECS) {
            if (name.equals(s.shortName)) {
                return s;
            }
        }
        return null;
    }

    private static String names(Spec s) {
        return s.shortName == null ? s.longName : s.shortName + "/" + s.longName;
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    String option(String name) {
        return options.get(name);
    }
}
