package freezer.cli;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
        if (umask < 0) {
            return null;
        }
        Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
        int allowed = 0666 & ~umask;
        for (int i = 0; i < bits.length; i++) {
            if ((allowed & (0400 >> i)) != 0) {
                mode.add(bits[i]);
            }
        }
        return mode;
    }
}
