package freezer.reports.advise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test's own programs for the advisor (src/test/resources/advise), and the repository's sample. */
final class AdviceFixtures {
    private AdviceFixtures() {
    }

    static Path resources() {
        String p = System.getProperty("freezer.testResources", "src/test/resources");
        return Path.of(p).resolve("advise");
    }

    /** Every {@code *.py} of the fixtures folder, sorted. */
    static List<Path> programs() {
        try (Stream<Path> s = Files.list(resources())) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sample() {
        return Path.of(System.getProperty("freezer.repoRoot", "..")).resolve("samples/weather-station");
    }
}
