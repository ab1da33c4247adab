package freezer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a call runs: the caller's working directory and umask. In-process they are the
 * process's own ({@link #PROCESS}: paths stay relative, the kernel applies the umask); a call
 * served by the compile daemon carries the client's, which the daemon cannot make its own (a JVM
 * has one working directory and one umask for all its threads), so paths are resolved and new
 * files' modes set here instead.
 *
 * @param cwd   the working directory relative paths are resolved against, or null for the process's
 * @param umask the umask new files are created under, or -1 for the process's
 */
public record Caller(Path cwd, int umask) {
    /** The process's own working directory and umask. */
    public static final Caller PROCESS = new Caller(null, -1);

    /** A path as the caller means it. */
    Path path(String name) {
        Path p = Path.of(name);
        return cwd == null ? p : cwd.resolve(p);
    }

    /** The mode a new file must be given (what {@code open(..., 0666)} gives under the umask), or null: the kernel's. */
    Set<PosixFilePermission> newFileMode() {
        return umask < 0 ? null : mode(0666 & ~umask);
    }

    /**
     * Creates a folder and the missing ones above it, each with the mode {@code mkdir(..., 0777)}
     * gives under the caller's umask (the daemon's own umask is not the caller's).
     */
    void createDirectories(Path dir) throws IOException {
        if (umask < 0) {
            Files.createDirectories(dir);
            return;
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        Files.createDirectories(dir);
        for (Path p : missing) {
            Files.setPosixFilePermissions(p, mode(0777 & ~umask));
        }
    }

    private static Set<PosixFilePermission> mode(int allowed) {
        Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
        for (int i = 0; i < bits.length; i++) {
            if ((allowed & (0400 >> i)) != 0) {
                mode.add(bits[i]);
            }
        }
        return mode;
    }
}
