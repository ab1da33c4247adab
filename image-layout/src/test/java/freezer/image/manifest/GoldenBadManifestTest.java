package freezer.image.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden bad manifests ({@code ../shared/golden/freeze/bad}): where upstream failed while
 * executing the manifest, freezer's evaluation fails too, with an error naming the manifest and
 * the line of the faulty call (for a syntax error, the line CPython names) and the same subject
 * (the missing path, the unknown package, the unknown name). Where upstream failed compiling a
 * module, the manifest itself is fine: the module is in the list, with its origin.
 */
class GoldenBadManifestTest {
    private static final Pattern EXECUTING = Pattern.compile("freeze error executing \"[^\"]*\": (.*)");
    private static final Pattern COMPILING = Pattern.compile("error compiling (.*):");
    private static final Pattern SYNTAX_LINE = Pattern.compile("\\(<string>, line (\\d+)\\)$");
    private static final Pattern SUBJECT = Pattern.compile("Cannot stat @PROJECT@/(\\S+)|Package '([^']+)'|name '([^']+)'");

    @TestFactory
    Stream<DynamicTest> failsAsUpstream() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path project : GoldenFreezeProjects.badProjects()) {
            tests.add(DynamicTest.dynamicTest(project.getFileName().toString(), () -> check(project)));
        }
        assertThat(tests).as("golden bad projects").hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    private static void check(Path project) {
        String stdout = String.join("\n", GoldenFreezeProjects.lines(project.resolve("expected/manifest-error.txt")));
        Path manifestPath = project.toAbsolutePath().normalize().resolve("manifest.py");
        Matcher compiling = COMPILING.matcher(stdout);
        if (compiling.find()) {
            Manifest m = GoldenFreezeProjects.evaluate(project);
            ManifestEntry broken = m.entries().stream().filter(e -> e.target().equals(compiling.group(1))).findFirst()
                    .orElseThrow(() -> new AssertionError("no entry " + compiling.group(1)));
            assertThat(broken.origin().manifest()).isEqualTo(manifestPath);
            assertThat(broken.origin().line()).as("line of the module() call")
                    .isEqualTo(lineMentioning(manifestPath, "\"" + compiling.group(1) + "\""));
            return;
        }
        Matcher executing = EXECUTING.matcher(stdout);
        assertThat(executing.find()).as("upstream failed executing the manifest").isTrue();
        String upstream = executing.group(1);
        ManifestError e = catchThrowableOfType(ManifestError.class, () -> GoldenFreezeProjects.evaluate(project));
        assertThat(e).as("freezer rejects the manifest").isNotNull();
        assertThat(e.origin().manifest()).as("the manifest at fault").isEqualTo(manifestPath);

        Matcher syntax = SYNTAX_LINE.matcher(upstream);
        if (syntax.find()) {
            assertThat(e.kind()).isEqualTo(ManifestErrorKind.SYNTAX);
            assertThat(e.origin().line()).as("line").isEqualTo(Integer.parseInt(syntax.group(1)));
            return;
        }
        Matcher subject = SUBJECT.matcher(upstream);
        assertThat(subject.find()).as("a subject in " + upstream).isTrue();
        String name = subject.group(1) != null ? subject.group(1) : subject.group(2) != null ? subject.group(2)
                : subject.group(3);
        assertThat(e.message()).as("message").contains(subject.group(1) != null
                ? project.toAbsolutePath().normalize() + "/" + name : "'" + name + "'");
        assertThat(e.origin().line()).as("line of the faulty call").isEqualTo(lineMentioning(manifestPath, name));
        assertThat(e.origin().column()).as("column").isEqualTo(1);
    }

    /** The first line (1-based) of the manifest, not a comment, that mentions {@code text}. */
    private static int lineMentioning(Path manifest, String text) {
        List<String> lines = GoldenFreezeProjects.lines(manifest);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("#") && lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + manifest);
    }
}
