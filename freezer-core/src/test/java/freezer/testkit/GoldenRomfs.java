package freezer.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The trees of {@code ../shared/golden/romfs}, as its README describes them: each case's
 * {@code tree/} (copied to a folder named {@code tree} under {@code target/}, with the
 * {@code dir} lines of its {@code generate} file made, since git keeps no empty directory) and
 * the images upstream built from it; and the bad trees under {@code bad/}.
 */
public final class GoldenRomfs {
    private GoldenRomfs() {
    }

    public static Path root() {
        return Shared.golden("romfs");
    }

    /** One tree and what upstream made of it. */
    public record Case(String name, Path dir) {
        public Path tree() {
            return dir.resolve("tree");
        }

        public Path expected(String suffix) {
            return dir.resolve("expected").resolve(name + suffix);
        }

        /** make_romfs(tree, mpy_cross=True), or null when upstream made none (a bad tree). */
        public Path image() {
            Path p = expected(".img");
            return Files.exists(p) ? p : null;
        }

        /** make_romfs(tree, mpy_cross=False), or null when upstream made none. */
        public Path imageWithoutMpy() {
            Path p = expected(".nompy.img");
            return Files.exists(p) ? p : null;
        }

        public Path listing() {
            return expected(".listing.txt");
        }

        /** A fresh copy of the tree, as {@code <into>/tree}. */
        public Path copyTree(Path into) {
            Path copy = into.resolve("tree");
            copyRecursively(tree(), copy);
            Path generate = dir.resolve("generate");
            if (Files.exists(generate)) {
                for (String line : readLines(generate)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 2 && f[0].equals("dir")) {
                        createDirectories(into.resolve(f[1]));
                    }
                }
            }
            return copy;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every good tree, by name. */
    public static List<Case> cases() {
        return casesIn(root(), true);
    }

    /** Every tree under {@code bad/}, by name. */
    public static List<Case> badCases() {
        return casesIn(root().resolve("bad"), false);
    }

    private static List<Case> casesIn(Path dir, boolean skipBad) {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (skipBad && name.equals("bad") || !Files.isDirectory(p.resolve("tree"))) {
                    continue;
                }
                out.add(new Case(name, p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no golden ROMFS trees in " + dir);
        }
        return out;
    }

    /**
     * A digest of everything under {@code dir}: every path (as the bytes on disk), kind and file
     * content, in sorted order, so a test can show nothing was written into a tree.
     */
    public static String hash(Path dir) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> all;
            try (Stream<Path> s = Files.walk(dir)) {
                all = new ArrayList<>(s.toList());
            }
            all.sort((a, b) -> Arrays.compareUnsigned(uriBytes(a), uriBytes(b)));
            for (Path p : all) {
                md.update(uriBytes(p));
                if (Files.isRegularFile(p)) {
                    md.update((byte) 'f');
                    md.update(Files.readAllBytes(p));
                } else {
                    md.update((byte) 'd');
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path's bytes, percent-encoded: exact whatever the JVM's locale. */
    private static byte[] uriBytes(Path p) {
        return p.toUri().getRawPath().getBytes(StandardCharsets.US_ASCII);
    }

    /** Copies a tree, keeping every name's bytes (paths are resolved against paths, not strings). */
    public static void copyRecursively(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to;
                for (Path part : from.relativize(p)) {
                    if (!part.toString().isEmpty()) {
                        target = target.resolve(part);
                    }
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
