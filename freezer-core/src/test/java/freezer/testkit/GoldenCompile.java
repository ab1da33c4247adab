package freezer.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The programs of {@code ../shared/golden/compile}, as its README describes them: for each
 * {@code ok/<group>/<name>.py} the default {@code .mpy}, the {@code .O3.mpy} and one {@code .mpy}
 * per line of the group's {@code variants} file; for each {@code bad/<group>/<name>.py} its
 * {@code .err}. Case ids are golden file paths relative to {@code golden/compile}.
 */
public final class GoldenCompile {
    private static final Pattern ERR_FILE_LINE = Pattern.compile("  File \"(.*)\", line (\\d+)(?:, in (.*))?");

    private GoldenCompile() {
    }

    public static Path root() {
        return Shared.golden("compile");
    }

    /** One program in an {@code ok} group. */
    public record Program(String group, String name, Path dir) {
        public Path source() {
            return dir.resolve(name + ".py");
        }

        public String sourceName() {
            return name + ".py";
        }

        /** What the unix port printed running the default variant. */
        public Path expectedOutput() {
            return dir.resolve(name + ".out");
        }

        public Path disassembly() {
            return dir.resolve(name + ".dis");
        }

        public Path defaultMpy() {
            return dir.resolve(name + ".mpy");
        }

        public String id(String suffix) {
            return "ok/" + group + "/" + name + suffix;
        }
    }

    /** One mpy-cross run over a program: its label, flags and the file it wrote. */
    public record Variant(Program program, String label, List<String> flags) {
        public boolean isDefault() {
            return label.equals("default");
        }

        public Path expected() {
            return program.dir().resolve(program.name() + (isDefault() ? "" : "." + label) + ".mpy");
        }

        /** The golden file's path relative to {@code golden/compile}. */
        public String id() {
            return program.id((isDefault() ? "" : "." + label) + ".mpy");
        }

        /**
         * The arguments mpy-cross was run with, in the golden README's form: {@code -s <name>.py}
         * first so that the source name is the bare file name (a variant's own {@code -s} comes
         * later and wins), the variant's flags, the input.
         */
        public List<String> mpyCrossArgs() {
            List<String> args = new ArrayList<>(List.of("-s", program.sourceName()));
            args.addAll(flags);
            args.add(program.sourceName());
            return args;
        }
    }

    /** One program in a {@code bad} group, and the error mpy-cross gave. */
    public record Rejected(String group, String name, Path dir) {
        public Path source() {
            return dir.resolve(name + ".py");
        }

        public String sourceName() {
            return name + ".py";
        }

        public Path errFile() {
            return dir.resolve(name + ".err");
        }

        public String id() {
            return "bad/" + group + "/" + name + ".err";
        }

        public ExpectedError expectedError() {
            return ExpectedError.parse(read(errFile()));
        }
    }

    /**
     * mpy-cross's report of an error: {@code Traceback ...}, {@code File "F", line N[, in S]},
     * {@code Type: message}; or only the last line for the errors it names no line for.
     *
     * @param file null when there is no line
     * @param line 0 when there is no line
     * @param scope null for lexer and parser errors (and when there is no line)
     */
    public record ExpectedError(String file, int line, String scope, String type, String message) {
        public boolean hasLine() {
            return line > 0;
        }

        static ExpectedError parse(String text) {
            List<String> lines = text.lines().toList();
            String last = lines.get(lines.size() - 1);
            int colon = last.indexOf(": ");
            String type = colon < 0 ? last : last.substring(0, colon);
            String message = colon < 0 ? "" : last.substring(colon + 2);
            if (lines.size() == 1) {
                return new ExpectedError(null, 0, null, type, message);
            }
            Matcher m = ERR_FILE_LINE.matcher(lines.get(lines.size() - 2));
            if (lines.size() != 3 || !lines.get(0).equals("Traceback (most recent call last):") || !m.matches()) {
                throw new IllegalStateException("unexpected .err form:\n" + text);
            }
            return new ExpectedError(m.group(1), Integer.parseInt(m.group(2)), m.group(3), type, message);
        }

        /** The error as mpy-cross prints it, without the Traceback line. */
        public String render() {
            if (!hasLine()) {
                return type + ": " + message;
            }
            return "File \"" + file + "\", line " + line + (scope == null ? "" : ", in " + scope) + "\n" + type + ": "
                    + message;
        }
    }

    /** The group folders under {@code ok} or {@code bad}, sorted; fails if there are none. */
    public static List<Path> groups(String okOrBad) {
        Path dir = root().resolve(okOrBad);
        List<Path> groups = list(dir).filter(Files::isDirectory).sorted().toList();
        if (groups.isEmpty()) {
            throw new IllegalStateException("no groups in " + dir);
        }
        return groups;
    }

    /** The programs of an ok group, sorted by name. */
    public static List<Program> programs(Path group) {
        String g = group.getFileName().toString();
        return names(group).stream().map(n -> new Program(g, n, group)).toList();
    }

    public static List<Rejected> rejected(Path group) {
        String g = group.getFileName().toString();
        return names(group).stream().map(n -> new Rejected(g, n, group)).toList();
    }

    /**
     * The names in a group's {@code runtime-mismatch.txt}: programs whose output on the WebAssembly
     * runtime differs from the unix port's {@code .out} (none when the file is absent).
     */
    public static java.util.Set<String> runtimeMismatches(Path group) {
        Path f = group.resolve("runtime-mismatch.txt");
        if (!Files.exists(f)) {
            return java.util.Set.of();
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String line : read(f).lines().toList()) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                names.add(t.endsWith(".py") ? t.substring(0, t.length() - 3) : t);
            }
        }
        return names;
    }

    /** Every variant of a program: default, O3, then the group's variants file in order. */
    public static List<Variant> variants(Program p) {
        List<Variant> vs = new ArrayList<>();
        vs.add(new Variant(p, "default", List.of()));
        vs.add(new Variant(p, "O3", List.of("-O3")));
        for (String[] lv : variantLines(p.dir())) {
            vs.add(new Variant(p, lv[0], splitFlags(lv[1])));
        }
        return vs;
    }

    /** The {@code LABEL: FLAGS} lines of a group's {@code variants} file (none when absent). */
    static List<String[]> variantLines(Path group) {
        Path f = group.resolve("variants");
        if (!Files.exists(f)) {
            return List.of();
        }
        List<String[]> out = new ArrayList<>();
        for (String line : read(f).lines().toList()) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int colon = t.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException(f + ": not LABEL: FLAGS: " + line);
            }
            out.add(new String[] {t.substring(0, colon).strip(), t.substring(colon + 1).strip()});
        }
        return out;
    }

    static List<String> splitFlags(String flags) {
        return flags.isBlank() ? List.of() : Arrays.asList(flags.strip().split("\\s+"));
    }

    private static List<String> names(Path group) {
        List<String> names = list(group).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py"))
                .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        if (names.isEmpty()) {
            throw new IllegalStateException("golden group " + group + " holds no programs");
        }
        return names;
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        return new String(bytes(p), StandardCharsets.UTF_8);
    }
}
