package freezer.cli.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The file a client finds its daemon by: one line {@code PORT PID TOKEN}, mode 0600, in a
 * private (0700) folder of the user's cache. Only the user can read the token, and a request
 * without it is refused, so only the user can use the daemon.
 *
 * @param file  where the line is
 * @param line  what this daemon wrote there
 * @param token the secret a request must carry
 */
record DaemonState(Path file, String line, String token) {
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    /** A fresh token, not yet published. */
    static String newToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Makes sure the folder is the user's alone: created 0700, or an existing one of the user's
     * narrowed to 0700; one of another user's is refused.
     */
    static void makePrivate(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
        }
        String me = System.getProperty("user.name");
        String owner = Files.getOwner(dir).getName();
        if (!owner.equals(me)) {
            throw new IOException(dir + " belongs to " + owner + ", not " + me);
        }
        if (!Files.getPosixFilePermissions(dir).equals(PRIVATE_DIR)) {
            Files.setPosixFilePermissions(dir, PRIVATE_DIR);
        }
    }

    /** Publishes the port (written beside and renamed: a client never reads half a line). */
    static DaemonState publish(Path file, int port, String token) throws IOException {
        makePrivate(file.getParent());
        String line = port + " " + ProcessHandle.current().pid() + " " + token;
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
        Files.writeString(tmp, line + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new DaemonState(file, line, token);
    }

    /** Removes the file if it still names this daemon (a successor may have replaced it). */
    void withdraw() {
        try {
            if (Files.readString(file, StandardCharsets.US_ASCII).strip().equals(line)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // gone already, or unreadable: nothing of ours to remove
        }
    }
}
