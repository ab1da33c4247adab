package freezer.core.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The golden programs under {@code ../shared/golden/compile} (system property {@code freezer.shared}). */
final class GoldenPrograms {
    private GoldenPrograms() {
    }

    static Path compileDir() {
        String shared = System.getProperty("freezer.shared");
        assertThat(shared).as("system property freezer.shared").isNotNull();
        Path dir = Path.of(shared, "golden", "compile");
        assertThat(dir).isDirectory();
        return dir;
    }

    /** The .py files under {@code compile/<sub>}, in path order; fails if there are none. */
    static List<Path> programs(String sub) {
        Path dir = compileDir().resolve(sub);
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> programs = files.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
                    .sorted().collect(Collectors.toList());
            assertThat(programs).as("programs under " + dir).isNotEmpty();
            return programs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relativeName(Path program) {
        return compileDir().relativize(program).toString();
    }
}
