package freezer.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a benchmark compiles: every .py under a folder, copied {@code copies} times under
 * {@code c1/}, {@code c2/}, ... of a scratch folder, so that a small set of programs stands for
 * a large tree. Paths are relative to the scratch folder and sorted, so every run is the same.
 */
record BenchCorpus(Path root, List<Path> files, long bytes, int distinct) {

    static BenchCorpus copy(Path from, int copies, Path into) throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(from)) {
            sources = walk.filter(p -> p.getFileName().toString().endsWith(".py") && Files.isRegularFile(p))
                    .map(from::relativize)
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (int c = 1; c <= copies; c++) {
            for (Path rel : sources) {
                Path name = Path.of("c" + c).resolve(rel);
                Path target = into.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(from.resolve(rel), target);
                bytes += Files.size(target);
                files.add(name);
            }
        }
        return new BenchCorpus(into, List.copyOf(files), bytes, sources.size());
    }

    /** The .mpy name of a source file, as batch mode names it. */
    static Path mpyName(Path py) {
        String name = py.getFileName().toString();
        return py.resolveSibling(name.substring(0, name.length() - ".py".length()) + ".mpy");
    }
}
