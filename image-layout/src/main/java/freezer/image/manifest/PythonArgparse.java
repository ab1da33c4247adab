package freezer.image.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What CPython 3.11's argparse accepts, for the option kinds makemanifest.py and mpy-tool.py
 * use (store, append, store_true, help, one {@code nargs="+"} positional), so that freezer takes
 * exactly the command lines upstream takes and refuses the others. The rules it keeps:
 *
 * <ul>
 * <li>An argument is an option if it is one, {@code NAME=VALUE} of one, an unambiguous prefix of a
 *     {@code --long} option (or a prefix of a single-dash option), a single-dash option with its
 *     value glued on ({@code -f-march=armv7m}); else, unless it is {@code -}, a negative number or
 *     holds a space, an unknown option. Ambiguous prefixes fail at once.</li>
 * <li>Everything after the first {@code --} is positional.</li>
 * <li>An option's value is the next argument only if that is not an option ({@code -f -O2} fails:
 *     "expected one argument"; {@code -f "-O2 -march=x"} holds a space, so it is a value).</li>
 * <li>Positionals are taken in one run: a later run of positionals is "unrecognized".</li>
 * </ul>
 */
final class PythonArgparse {
    /** What an option does with its value (argparse's action). */
    enum Action {
        STORE, APPEND, STORE_TRUE, HELP;

        boolean takesValue() {
            return this == STORE || this == APPEND;
        }
    }

    /** An option: its destination, its option strings, its action. */
    record Option(String dest, List<String> names, Action action) {
        /** "-o/--output", as argparse names an option in errors. */
        String display() {
            return String.join("/", names);
        }
    }

    /** A command line argparse refuses (exit status 2), with argparse's message. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * The parsed command line.
     *
     * @param values each option's values by destination, in order (STORE_TRUE: one empty string)
     * @param positionals the positional arguments
     * @param help whether a help option was reached (argparse prints help and exits there)
     */
    record Parsed(Map<String, List<String>> values, List<String> positionals, boolean help) {
        /** The last value of a STORE option, or null. */
        String last(String dest) {
            List<String> v = values.get(dest);
            return v == null ? null : v.get(v.size() - 1);
        }

        List<String> all(String dest) {
            return values.getOrDefault(dest, List.of());
        }

        boolean isSet(String dest) {
            return values.containsKey(dest);
        }
    }

    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("^-\\d+$|^-\\d*\\.\\d+$");

    private final List<Option> options;
    /** The name of the one {@code nargs="+"} positional, or null when positionals are not taken. */
    private final String positional;
    /** Option strings in argparse's registration order (prefix matches are listed in it). */
    private final Map<String, Option> byName = new LinkedHashMap<>();

    PythonArgparse(List<Option> options, String positional) {
        this.options = List.copyOf(options);
        this.positional = positional;
        for (Option o : options) {
            for (String n : o.names()) {
                byName.put(n, o);
            }
        }
    }

    List<Option> options() {
        return options;
    }

    /** What one argument is, once classified: an option (maybe unknown) with an explicit value, or not. */
    private record Classified(Option option, String optionString, String explicit) {
    }

    Parsed parse(List<String> args) throws UsageException {
        int n = args.size();
        Classified[] optionAt = new Classified[n];
        char[] pattern = new char[n];
        boolean afterDashes = false;
        for (int i = 0; i < n; i++) {
            String a = args.get(i);
            if (afterDashes) {
                pattern[i] = 'A';
            } else if (a.equals("--")) {
                pattern[i] = '-';
                afterDashes = true;
            } else {
                optionAt[i] = classify(a);
                pattern[i] = optionAt[i] == null ? 'A' : 'O';
            }
        }
        return new Run(args, optionAt, new String(pattern)).parse();
    }

    /** argparse's _parse_optional: null for a positional. */
    private Classified classify(String arg) throws UsageException {
        if (arg.isEmpty() || arg.charAt(0) != '-') {
            return null;
        }
        Option exact = byName.get(arg);
        if (exact != null) {
            return new Classified(exact, arg, null);
        }
        if (arg.length() == 1) {
            return null;
        }
        int eq = arg.indexOf('=');
        if (eq >= 0) {
            Option o = byName.get(arg.substring(0, eq));
            if (o != null) {
                return new Classified(o, arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        List<Classified> matches = prefixMatches(arg);
        if (matches.size() > 1) {
            List<String> names = new ArrayList<>();
            matches.forEach(m -> names.add(m.optionString()));
            throw new UsageException("ambiguous option: " + arg + " could match " + String.join(", ", names));
        } else if (matches.size() == 1) {
            return matches.get(0);
        }
        if (NEGATIVE_NUMBER.matcher(arg).find() || arg.contains(" ")) {
            return null;
        }
        return new Classified(null, arg, null);
    }

    /** argparse's _get_option_tuples. */
    private List<Classified> prefixMatches(String arg) {
        List<Classified> result = new ArrayList<>();
        if (arg.charAt(1) == '-') {
            int eq = arg.indexOf('=');
            String prefix = eq >= 0 ? arg.substring(0, eq) : arg;
            String explicit = eq >= 0 ? arg.substring(eq + 1) : null;
            for (Map.Entry<String, Option> e : byName.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    result.add(new Classified(e.getValue(), e.getKey(), explicit));
                }
            }
        } else {
            String shortPrefix = arg.substring(0, 2);
            String shortExplicit = arg.substring(2);
            for (Map.Entry<String, Option> e : byName.entrySet()) {
                if (e.getKey().equals(shortPrefix)) {
                    result.add(new Classified(e.getValue(), e.getKey(), shortExplicit));
                } else if (e.getKey().startsWith(arg)) {
                    result.add(new Classified(e.getValue(), e.getKey(), null));
                }
            }
        }
        return result;
    }

    /** One pass over classified arguments (argparse's _parse_known_args). */
    private final class Run {
        private final List<String> args;
        private final Classified[] optionAt;
        private final String pattern;
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final List<String> extras = new ArrayList<>();
        private List<String> positionals;
        private boolean help;

        Run(List<String> args, Classified[] optionAt, String pattern) {
            this.args = args;
            this.optionAt = optionAt;
            this.pattern = pattern;
        }

        Parsed parse() throws UsageException {
            int maxOption = pattern.lastIndexOf('O');
            int start = 0;
            while (start <= maxOption && !help) {
                int nextOption = pattern.indexOf('O', start);
                if (start != nextOption) {
                    int end = consumePositionals(start);
                    if (end > start) {
                        start = end;
                        continue;
                    }
                }
                if (pattern.charAt(start) != 'O') {
                    extras.addAll(args.subList(start, nextOption));
                    start = nextOption;
                }
                start = consumeOptional(start);
            }
            if (help) {
                return new Parsed(values, List.of(), true);
            }
            int stop = consumePositionals(start);
            extras.addAll(args.subList(stop, args.size()));
            if (positional != null && positionals == null) {
                throw new UsageException("the following arguments are required: " + positional);
            }
            if (!extras.isEmpty()) {
                throw new UsageException("unrecognized arguments: " + String.join(" ", extras));
            }
            return new Parsed(values, positionals == null ? List.of() : positionals, false);
        }

        /** The {@code nargs="+"} positional, if not taken yet: {@code -*A[A-]*} from here. */
        private int consumePositionals(int start) {
            if (positional == null || positionals != null) {
                return start;
            }
            int i = start;
            while (i < pattern.length() && pattern.charAt(i) == '-') {
                i++;
            }
            if (i >= pattern.length() || pattern.charAt(i) != 'A') {
                return start;
            }
            while (i < pattern.length() && (pattern.charAt(i) == 'A' || pattern.charAt(i) == '-')) {
                i++;
            }
            List<String> taken = new ArrayList<>(args.subList(start, i));
            // the first "--" is a marker, not a value
            taken.remove("--");
            positionals = taken;
            return i;
        }

        private int consumeOptional(int start) throws UsageException {
            Classified c = optionAt[start];
            Option option = c.option();
            String optionString = c.optionString();
            String explicit = c.explicit();
            while (true) {
                if (option == null) {
                    extras.add(args.get(start));
                    return start + 1;
                }
                if (explicit != null) {
                    if (!option.action().takesValue() && optionString.charAt(1) != '-' && !explicit.isEmpty()) {
                        // single-dash flags may be bundled: -qx is -q -x
                        take(option, null);
                        if (help) {
                            return start + 1;
                        }
                        String next = "-" + explicit.charAt(0);
                        String rest = explicit.length() > 1 ? explicit.substring(1) : null;
                        Option o = byName.get(next);
                        if (o == null) {
                            throw new UsageException("argument " + option.display() + ": ignored explicit argument "
                                    + PythonStrRepr.of(explicit));
                        }
                        option = o;
                        optionString = next;
                        explicit = rest;
                        continue;
                    } else if (option.action().takesValue()) {
                        take(option, explicit);
                        return start + 1;
                    }
                    throw new UsageException("argument " + option.display() + ": ignored explicit argument "
                            + PythonStrRepr.of(explicit));
                }
                if (!option.action().takesValue()) {
                    take(option, null);
                    return start + 1;
                }
                if (start + 1 >= pattern.length() || pattern.charAt(start + 1) != 'A') {
                    throw new UsageException("argument " + option.display() + ": expected one argument");
                }
                take(option, args.get(start + 1));
                return start + 2;
            }
        }

        private void take(Option option, String value) {
            switch (option.action()) {
                case HELP -> help = true;
                case STORE_TRUE -> values.put(option.dest(), List.of(""));
                case STORE -> values.put(option.dest(), List.of(value));
                default -> values.computeIfAbsent(option.dest(), k -> new ArrayList<>()).add(value);
            }
        }
    }
}
