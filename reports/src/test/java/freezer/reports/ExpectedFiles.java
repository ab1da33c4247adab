package freezer.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output compared whole with a file the tests keep under src/test/resources. After a deliberate
 * change, {@code -Dfreezer.updateExpected=true} rewrites the files; the diff is then reviewed
 * and committed like code.
 */
public final class ExpectedFiles {
    private ExpectedFiles() {
    }

    /** The module's src/test/resources (the build passes it; the module folder's copy otherwise). */
    public static Path resources() {
        return Path.of(System.getProperty("freezer.testResources", "src/test/resources"));
    }

    public static void check(Path expected, String actual) {
        try {
            if (Boolean.getBoolean("freezer.updateExpected")) {
                Files.createDirectories(expected.getParent());
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(expected).as("expected output (rewrite with -Dfreezer.updateExpected=true)").exists();
            String want = Files.readString(expected, StandardCharsets.UTF_8);
            if (!want.equals(actual)) {
                int at = firstDifference(want, actual);
                int line = (int) want.substring(0, Math.min(at, want.length())).chars().filter(c -> c == '\n').count() + 1;
                assertThat(actual).as(expected + ": first difference at line " + line + " (offset " + at + ")")
                        .isEqualTo(want);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }
}
