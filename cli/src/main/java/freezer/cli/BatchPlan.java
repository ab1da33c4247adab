package freezer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch compile will do, decided before anything is compiled: for each input, the file
 * to read, its source name (its path under the root, with slashes) and the file to write. The
 * naming rules are docs/cli.md's (Batch mode): a FILE is relative to {@code --root} or absolute inside it; the
 * output is {@code <out-dir>/<path under root with .py replaced by .mpy>}; a path outside the
 * root, a name not ending in .py, and two inputs with one output are errors.
 *
 * @param items in input order
 * @param problems what is wrong with the command line, in input order; nothing runs if any
 */
record BatchPlan(List<Item> items, List<String> problems) {

    /**
     * One file to compile.
     *
     * @param display the path errors name: the root as given joined with the source name
     * @param source the file to read
     * @param sourceName embedded in the .mpy: the path under the root
     * @param output the file to write
     * @param outputDisplay the output as reports name it: the out-dir as given joined with its name
     */
    record Item(String display, Path source, String sourceName, Path output, String outputDisplay) {
    }

    /**
     * Lays out the work for the inputs ({@code @LISTFILE} already expanded); none means every
     * {@code *.py} under the root, sorted, outside folders whose name starts with a dot.
     */
    static BatchPlan of(String rootArg, String outDirArg, List<String> inputs, Caller caller) throws IOException {
        List<String> problems = new ArrayList<>();
        Path root;
        Path outDir;
        try {
            root = caller.path(rootArg).toAbsolutePath().normalize();
            outDir = caller.path(outDirArg).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return new BatchPlan(List.of(), List.of("not a valid path: " + e.getInput()));
        }
        if (!Files.isDirectory(root)) {
            return new BatchPlan(List.of(), List.of("--root " + rootArg + " is not a directory"));
        }
        if (inputs.isEmpty()) {
            return new BatchPlan(everyPyFile(root, outDir, displayPrefix(rootArg), displayPrefix(outDirArg)), problems);
        }
        List<Item> items = new ArrayList<>();
        Map<Path, String> outputs = new HashMap<>();
        for (String f : inputs) {
            Path abs;
            try {
                Path p = Path.of(f);
                abs = (p.isAbsolute() ? p : root.resolve(p)).normalize();
            } catch (InvalidPathException e) {
                problems.add(f + ": not a valid path");
                continue;
            }
            if (!abs.startsWith(root) || abs.equals(root)) {
                problems.add(f + ": outside --root " + rootArg + " (a FILE is a path under the root, relative to it"
                        + " or absolute)");
                continue;
            }
            String rel = slashes(root.relativize(abs));
            if (!rel.endsWith(".py")) {
                problems.add(f + ": not a .py file");
                continue;
            }
            String relOut = rel.substring(0, rel.length() - 3) + ".mpy";
            Path out = outDir.resolve(relOut);
            String outDisplay = slashes(Path.of(outDirArg).resolve(relOut).normalize());
            String earlier = outputs.putIfAbsent(out, f);
            if (earlier != null) {
                problems.add(f + ": " + earlier + " and " + f + " both compile to " + outDisplay);
                continue;
            }
            items.add(new Item(slashes(Path.of(rootArg).resolve(rel).normalize()), abs, rel, out, outDisplay));
        }
        return new BatchPlan(items, problems);
    }

    /** The inputs with each {@code @LISTFILE} replaced by its lines (whole; blank ones skipped). */
    static List<String> expandListFiles(List<String> inputs, Caller caller) throws ListFileException {
        List<String> out = new ArrayList<>();
        for (String in : inputs) {
            if (!in.startsWith("@")) {
                out.add(in);
                continue;
            }
            String name = in.substring(1);
            try {
                for (String line : Files.readAllLines(caller.path(name), StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(line);
                    }
                }
            } catch (IOException | InvalidPathException e) {
                String why = e instanceof IOException io ? InputFiles.reason(io) : "not a valid path";
                throw new ListFileException(name, "can't read list file " + name + ": " + why);
            }
        }
        return out;
    }

    /** A {@code @LISTFILE} that could not be read. */
    static final class ListFileException extends Exception {
        private static final long serialVersionUID = 1L;
        final String file;

        ListFileException(String file, String message) {
            super(message);
            this.file = file;
        }
    }

    /**
     * Every .py file under the root (a symbolic link counts as the file it leads to), in sorted
     * order of its path under the root. A folder named .something (.git, .venv ...) is not
     * entered: a project's .git alone can hold tens of thousands of files. The walk gives each
     * path under the root and every output differs, so nothing is checked again: an item costs
     * one Path operation, not the fifteen of a named file's (a tenth of a second, interpreted,
     * before the first compile of a tree of 2,000 files).
     */
    private static List<Item> everyPyFile(Path root, Path outDir, String rootPrefix, String outPrefix)
            throws IOException {
        List<Item> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().endsWith(".py")
                        && (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file))) {
                    String rel = slashes(root.relativize(file));
                    String relOut = rel.substring(0, rel.length() - 3) + ".mpy";
                    found.add(new Item(rootPrefix + rel, file, rel, outDir.resolve(relOut), outPrefix + relOut));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(Item::sourceName));
        return found;
    }

    /**
     * What a path under the folder {@code arg} (as given) is named by in messages: {@code arg}
     * normalized, then a slash, so that prefix + {@code rel} reads as
     * {@code Path.of(arg).resolve(rel).normalize()} for a path {@code rel} with no . or .. in it.
     */
    private static String displayPrefix(String arg) {
        String folder = slashes(Path.of(arg).normalize());
        return folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
    }

    private static String slashes(Path p) {
        return p.toString().replace(p.getFileSystem().getSeparator(), "/");
    }
}
