package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree walked (no FILE named) lays out its items by a shorter road than FILEs named one by one:
 * the same items either way, whatever form the root and out-dir are given in.
 */
class BatchPlanTest {
    @TempDir
    Path dir;

    private void file(String rel) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x = 1\n");
    }

    @Test
    void aWalkedTreeHasTheItemsItsFilesNamedOneByOneWouldHave() throws Exception {
        file("tree/a.py");
        file("tree/b/c.py");
        file("tree/b/d/..py");
        file("tree/b/d/e.py");
        file("tree/z-last.py");
        file("tree/b/notes.txt");
        file("tree/.git/hooks/skip.py");
        Files.createSymbolicLink(dir.resolve("tree/b/link.py"), dir.resolve("tree/a.py"));
        Caller caller = new Caller(dir, -1);
        String[][] forms = {
            {"tree", "out"}, {"./tree/", "./out/"}, {"tree/../tree", "x/../out"}, {dir.resolve("tree").toString(), "/"},
            {".", "."}, {"tree/.", "../elsewhere"},
        };
        for (String[] form : forms) {
            BatchPlan walked = BatchPlan.of(form[0], form[1], List.of(), caller);
            List<String> names = walked.items().stream().map(BatchPlan.Item::sourceName).toList();
            BatchPlan named = BatchPlan.of(form[0], form[1], names, caller);
            assertThat(walked.problems()).isEmpty();
            assertThat(named.problems()).isEmpty();
            assertThat(walked.items()).as("root %s, out-dir %s", form[0], form[1]).isEqualTo(named.items());
        }
        List<String> tree = BatchPlan.of("tree", "out", List.of(), caller).items().stream()
                .map(BatchPlan.Item::sourceName).toList();
        assertThat(tree).containsExactly("a.py", "b/c.py", "b/d/..py", "b/d/e.py", "b/link.py", "z-last.py");
    }
}
