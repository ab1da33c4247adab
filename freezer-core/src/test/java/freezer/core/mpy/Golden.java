package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The golden files under ../shared/golden that the .mpy tests walk. */
final class Golden {
    private Golden() {
    }

    static Path root() {
        String shared = System.getProperty("freezer.shared");
        assertThat(shared).as("system property freezer.shared").isNotNull();
        return Paths.get(shared, "golden");
    }

    /** Files under a golden folder whose names end with the suffix, sorted; fails when there are none. */
    static List<Path> files(String folder, String suffix) {
        Path dir = root().resolve(folder);
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .collect(Collectors.toList());
            System.out.println("golden/" + folder + ": " + found.size() + " *" + suffix + " files");
            assertThat(found).as("golden/" + folder + " *" + suffix).isNotEmpty();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every golden .mpy: compile outputs (all variants), native files, merged files. */
    static List<Path> allMpy() {
        List<Path> all = new java.util.ArrayList<>();
        all.addAll(files("compile/ok", ".mpy"));
        all.addAll(files("native", ".mpy"));
        all.addAll(files("merge", ".mpy"));
        return all;
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path p) {
        return root().relativize(p).toString();
    }

    /** The index and a few lines around the first line where two texts differ. */
    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<end>";
            String y = i < a.length ? a[i] : "<end>";
            if (!x.equals(y)) {
                StringBuilder b = new StringBuilder("first difference at line " + (i + 1) + "\n");
                for (int j = Math.max(0, i - 3); j < i; j++) {
                    b.append("    ").append(e[j]).append('\n');
                }
                b.append("exp ").append(x).append('\n').append("got ").append(y).append('\n');
                return b.toString();
            }
        }
        return "same";
    }
}
