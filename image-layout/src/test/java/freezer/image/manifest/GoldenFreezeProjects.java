package freezer.image.manifest;

import freezer.testkit.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The projects of {@code ../shared/golden/freeze} and what their expected frozen_content.c says
 * about the manifest: the str-frozen names in order, and each .mpy module in order with the
 * file mpy-tool read (build/frozen_mpy/... for compiled ones, the absolute path, as
 * {@code @PROJECT@/...}, for prebuilt ones) and the tail of its module-level bytecode.
 */
final class GoldenFreezeProjects {
    private GoldenFreezeProjects() {
    }

    /** Every project folder (those with a manifest.py), sorted. */
    static List<Path> projects() {
        return folders(Shared.golden("freeze"));
    }

    /** Every bad project folder, sorted. */
    static List<Path> badProjects() {
        return folders(Shared.golden("freeze", "bad"));
    }

    private static List<Path> folders(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("manifest.py"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's variables as the README's command passes them: {@code -v NAME=<abs project>/<path>}. */
    static PathVariables variables(Path project) {
        List<String> assignments = new ArrayList<>();
        for (String line : lines(project.resolve("vars"))) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            assignments.add(t.substring(0, eq) + "=" + project.toAbsolutePath().normalize() + "/" + t.substring(eq + 1));
        }
        return PathVariables.fromAssignments(assignments, project);
    }

    static Manifest evaluate(Path project) {
        return new ManifestEvaluator(variables(project), project.getParent())
                .evaluate(List.of(new ManifestInput.File(project.toAbsolutePath().normalize().resolve("manifest.py"))));
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One .mpy module of the expected C. */
    record FrozenModule(String originalSource, String frozenName, List<String> moduleBytecodeTail) {
    }

    /** What the expected frozen_content.c lists. */
    record Expected(List<String> strNames, List<FrozenModule> modules, List<String> frozenNames) {
    }

    private static final Pattern STR_NAME = Pattern.compile("^\"(.*)\\\\0\" \\\\$");
    private static final Pattern NAME_LINE = Pattern.compile("^    \"(.*)\\\\0\"$");

    static Expected expected(Path project) {
        List<String> c = lines(project.resolve("expected/frozen_content.c"));
        List<String> strNames = new ArrayList<>();
        int i = c.indexOf("#define MP_FROZEN_STR_NAMES \\");
        for (i++; i > 0 && i < c.size(); i++) {
            Matcher m = STR_NAME.matcher(c.get(i));
            if (!m.matches()) {
                break;
            }
            strNames.add(m.group(1));
        }
        List<FrozenModule> modules = new ArrayList<>();
        for (int j = 0; j < c.size(); j++) {
            if (c.get(j).startsWith("// frozen module ")) {
                String original = after(c.get(j + 1), "// - original source file: ");
                String name = after(c.get(j + 2), "// - frozen file name: ");
                modules.add(new FrozenModule(original, name, moduleTail(c, j)));
            }
        }
        List<String> frozenNames = new ArrayList<>();
        int k = c.indexOf("const char mp_frozen_names[] = {");
        for (k++; k > 0 && k < c.size() && !c.get(k).equals("};"); k++) {
            Matcher m = NAME_LINE.matcher(c.get(k));
            if (m.matches() && !m.group(1).isEmpty()) {
                frozenNames.add(m.group(1));
            }
        }
        return new Expected(strNames, modules, frozenNames);
    }

    private static String after(String line, String prefix) {
        if (!line.startsWith(prefix)) {
            throw new IllegalStateException("unexpected line in golden C: " + line);
        }
        return line.substring(prefix.length());
    }

    /** The last four instruction comments of the module's top-level bytecode (the first function after its header). */
    private static List<String> moduleTail(List<String> c, int start) {
        int j = start;
        while (j < c.size() && !c.get(j).startsWith("// frozen bytecode for file ")) {
            j++;
        }
        while (j < c.size() && !c.get(j).startsWith("static const byte fun_data_")) {
            j++;
        }
        List<String> ops = new ArrayList<>();
        for (j++; j < c.size() && !c.get(j).equals("};"); j++) {
            int slash = c.get(j).indexOf("// ");
            if (slash >= 0) {
                ops.add(c.get(j).substring(slash + 3));
            }
        }
        return ops.subList(Math.max(0, ops.size() - 4), ops.size());
    }
}
