package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.GoldenCompile;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real compiler in batch mode over every golden program: one thread and many give the same
 * files byte for byte and the same report. (While the compiler is incomplete the report is
 * mostly errors; it must still be identical.)
 */
class GoldenBatchTest {

    @Test
    void sameBytesWhateverTheThreadCount() throws IOException {
        Path root = GoldenCompile.root().resolve("ok");
        Path work = Shared.targetDir("cli-golden-batch");
        CliRun one = CliRun.run(ModuleCompiler.MPY_CROSS, "compile", "--root", root.toString(), "--out-dir",
                work.resolve("jobs1").toString(), "--jobs", "1");
        CliRun many = CliRun.run(ModuleCompiler.MPY_CROSS, "compile", "--root", root.toString(), "--out-dir",
                work.resolve("jobs8").toString(), "--jobs", "8");
        assertThat(one.status()).as(one.stderr()).isIn(0, 1);
        assertThat(many.status()).isEqualTo(one.status());
        assertThat(many.stderr()).isEqualTo(one.stderr()).doesNotContain("InternalError");
        Map<String, byte[]> a = tree(work.resolve("jobs1"));
        Map<String, byte[]> b = tree(work.resolve("jobs8"));
        assertThat(b.keySet()).isEqualTo(a.keySet());
        for (String k : a.keySet()) {
            assertThat(Arrays.equals(a.get(k), b.get(k))).as(k).isTrue();
        }
        long programs;
        try (Stream<Path> walk = Files.walk(root)) {
            programs = walk.filter(p -> p.toString().endsWith(".py")).count();
        }
        System.out.printf("golden batch: %d programs, %d compiled on 1 and on 8 threads, same bytes%n", programs,
                a.size());
    }

    private static Map<String, byte[]> tree(Path top) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        if (!Files.exists(top)) {
            return m;
        }
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                m.put(top.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
