package freezer.image.romfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directory read as make_romfs reads it (tools/mpremote/mpremote/romfs.py, copy_recursively):
 * each directory's names sorted (Python's code-point order, which is the order of their UTF-8
 * bytes), files and directories mixed, depth first, symbolic links followed. With compiling on,
 * a file whose name ends in {@code .py} becomes {@code X.mpy}, unless a file {@code X.mpy}
 * already sits beside it (then both are kept as they are), and keeps the place {@code X.py}
 * sorted to.
 *
 * <p>What upstream would trip over is collected, not thrown: names outside ASCII, entries that
 * cannot be read, symbolic-link loops, special files. Nothing is written anywhere.
 */
public final class SourceTree {
    private final List<SourceNode> root;
    private final List<RomfsProblem> problems;
    private final String rootDisplay;
    private final String origin;

    SourceTree(List<SourceNode> root, List<RomfsProblem> problems, String rootDisplay, String origin) {
        this.root = List.copyOf(root);
        this.problems = List.copyOf(problems);
        this.rootDisplay = rootDisplay;
        this.origin = origin;
    }

    /** Where the tree comes from, as the listing's first line says it ({@code source directory: tree/}). */
    public String origin() {
        return origin;
    }

    /** The root directory's entries. */
    public List<SourceNode> root() {
        return root;
    }

    public List<RomfsProblem> problems() {
        return problems;
    }

    /** Each file's source as messages name it ({@code tree/main.py}), by its path in the image ({@code main.mpy}). */
    public Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        sources(root, "", out);
        return out;
    }

    private static void sources(List<SourceNode> nodes, String prefix, Map<String, String> out) {
        for (SourceNode n : nodes) {
            if (n instanceof SourceNode.Directory d) {
                sources(d.entries(), prefix + d.name() + "/", out);
            } else if (n instanceof SourceNode.Copy c) {
                out.put(prefix + c.name(), c.display());
            } else if (n instanceof SourceNode.Compile m) {
                out.put(prefix + m.name(), m.inputPath());
            }
        }
    }

    /** The directory as given with a {@code /} appended when it has none, as make_romfs prints and passes it on. */
    public String rootDisplay() {
        return rootDisplay;
    }

    /**
     * Reads the tree under {@code dir}.
     *
     * @param dirArg the directory as the user gave it: the input paths the compiled modules embed
     *     start with it
     * @param compile whether {@code .py} files are compiled (make_romfs's {@code mpy_cross})
     */
    public static SourceTree scan(Path dir, String dirArg, boolean compile) {
        String prefix = dirArg.endsWith("/") ? dirArg : dirArg + "/";
        Walker w = new Walker(compile);
        List<SourceNode> root = List.of();
        if (!Files.isDirectory(dir)) {
            w.problems.add(RomfsProblem.Source.os(dirArg,
                    Files.exists(dir) ? "not a directory" : "no such directory"));
        } else {
            root = w.walk(dir, prefix, new HashSet<>());
        }
        return new SourceTree(root, w.problems, prefix, "source directory: " + prefix);
    }

    private static final class Walker {
        private final boolean compile;
        private final List<RomfsProblem> problems = new ArrayList<>();

        Walker(boolean compile) {
            this.compile = compile;
        }

        /** One directory's entries; {@code display} ends in {@code /}; {@code open} holds the real paths being walked. */
        List<SourceNode> walk(Path dir, String display, Set<Path> open) {
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                problems.add(RomfsProblem.Source.os(display, "can't read the directory: " + reason(e)));
                return List.of();
            }
            if (!open.add(real)) {
                problems.add(RomfsProblem.Source.os(display, "a symbolic link loop: this directory is inside itself"));
                return List.of();
            }
            List<Listed> listed = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    listed.add(new Listed(p, FileNames.bytes(p)));
                }
            } catch (IOException e) {
                problems.add(RomfsProblem.Source.os(display, "can't list the directory: " + reason(e)));
                open.remove(real);
                return List.of();
            }
            listed.sort((a, b) -> Arrays.compareUnsigned(a.name, b.name));
            List<SourceNode> nodes = new ArrayList<>(listed.size());
            for (Listed l : listed) {
                SourceNode n = entry(dir, l, display, open);
                if (n != null) {
                    nodes.add(n);
                }
            }
            open.remove(real);
            return nodes;
        }

        private SourceNode entry(Path dir, Listed l, String display, Set<Path> open) {
            String shown = display + RomfsNames.display(l.name);
            if (!FileNames.isAscii(l.name)) {
                problems.add(nonAscii(shown, l.name));
                return null;
            }
            String name = new String(l.name, java.nio.charset.StandardCharsets.US_ASCII);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(l.path, BasicFileAttributes.class);
            } catch (IOException e) {
                problems.add(RomfsProblem.Source.os(shown, Files.isSymbolicLink(l.path)
                        ? "a symbolic link to nothing" : "can't read: " + reason(e)));
                return null;
            }
            if (attrs.isDirectory()) {
                return new SourceNode.Directory(name, walk(l.path, shown + "/", open));
            }
            if (!attrs.isRegularFile()) {
                problems.add(RomfsProblem.Source.os(shown, "not a regular file or directory"));
                return null;
            }
            if (compile && name.endsWith(".py")) {
                String mpyName = name.substring(0, name.length() - ".py".length()) + ".mpy";
                Path mpy = dir.resolve(mpyName);
                if (!Files.isRegularFile(mpy)) {
                    if (Files.exists(mpy)) {
                        problems.add(RomfsProblem.Source.os(shown, "compiles to " + mpyName + ", but "
                                + display + mpyName + " is a directory"));
                        return null;
                    }
                    return new SourceNode.Compile(mpyName, name, l.path, shown, null, false, null);
                }
            }
            return new SourceNode.Copy(name, l.path, shown);
        }

        /** As make_romfs fails (UnicodeEncodeError), but naming the file and the first character. */
        private static RomfsProblem nonAscii(String shown, byte[] name) {
            int at = 0;
            while (name[at] >= 0) {
                at++;
            }
            String rest = RomfsNames.display(Arrays.copyOfRange(name, at, name.length));
            String ch = rest.startsWith("\\x") ? rest.substring(0, 4) : rest.substring(0, rest.offsetByCodePoints(0, 1));
            return new RomfsProblem.Source(shown, "UnicodeEncodeError", "ROMFS names must be ASCII, and this one has '" + ch
                    + "' at byte " + at + " (rename it)");
        }
    }

    private record Listed(Path path, byte[] name) {
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }
}
