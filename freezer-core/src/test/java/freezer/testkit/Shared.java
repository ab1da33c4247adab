package freezer.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's read-only neighbour {@code ../shared} is: golden data and the runtime
 * runner. The build passes it as the system property {@code freezer.shared}.
 */
public final class Shared {
    private Shared() {
    }

    /** The shared folder; fails with a message that says how to fix a missing one. */
    public static Path root() {
        String p = System.getProperty("freezer.shared");
        if (p == null) {
            throw new IllegalStateException("system property freezer.shared is not set: run the tests through Maven"
                    + " (the root pom sets it to ../shared beside the checkout)");
        }
        Path root = Path.of(p).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("golden"))) {
            throw new IllegalStateException("no golden data at " + root + "/golden: the tests need ../shared"
                    + " (golden data and the runtime) beside the checkout");
        }
        return root;
    }

    public static Path golden(String first, String... more) {
        return root().resolve("golden").resolve(Path.of(first, more));
    }

    /** A fresh folder under the module's {@code target/} for one test's outputs. */
    public static Path targetDir(String name) {
        Path dir = Path.of(System.getProperty("freezer.targetDir", "target")).toAbsolutePath().resolve(name);
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
