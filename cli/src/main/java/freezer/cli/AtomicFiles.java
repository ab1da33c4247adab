package freezer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file whole or not at all: the bytes go to a temporary file beside it, which is then
 * renamed over it, so a reader never sees half a file and a failure leaves the old one (or
 * none). What is not a regular file ({@code /dev/null}, a pipe) is written directly; a symbolic
 * link is written through, as mpy-cross's fopen would.
 *
 * <p>The file ends with the mode a plain write would have given it: a new file the umask's
 * (the temporary file is created as {@code open(..., 0666)} creates it), a replaced file its
 * old mode. Every command writes through here.
 */
final class AtomicFiles {
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, null);
    }

    /**
     * As {@link #write(Path, byte[])}; a new file gets {@code newFileMode} when it is not null (the
     * caller's umask applied by the compile daemon, whose own umask is not the caller's).
     */
    static void write(Path target, byte[] bytes, Set<PosixFilePermission> newFileMode) throws IOException {
        // java.io.File tests for a missing file (a batch's usual case) without the exception
        // Files.exists makes of it; a dangling link is replaced, as below
        if (!target.toFile().exists()) {
            replace(target, bytes, false, newFileMode);
            return;
        }
        Path real = Files.isSymbolicLink(target) ? target.toRealPath() : target;
        if (!Files.isRegularFile(real)) {
            if (Files.isDirectory(real)) {
                throw new IOException("is a directory");
            }
            try (OutputStream out = Files.newOutputStream(real, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            return;
        }
        replace(real, bytes, true, newFileMode);
    }

    /** Writes a temporary file beside {@code real} and renames it over it. */
    private static void replace(Path real, byte[] bytes, boolean mayKeepMode, Set<PosixFilePermission> newFileMode)
            throws IOException {
        Path dir = real.toAbsolutePath().getParent();
        // not Files.createTempFile: its 0600 mode would stick to the output
        Path tmp = dir.resolve("." + real.getFileName() + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            if (!(mayKeepMode && keepMode(real, tmp)) && newFileMode != null) {
                Files.setPosixFilePermissions(tmp, newFileMode);
            }
            Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * The mode of the file being replaced, onto its replacement (a plain write keeps it); false
     * when there is none to keep.
     */
    private static boolean keepMode(Path replaced, Path replacement) throws IOException {
        if (!Files.isRegularFile(replaced)) {
            return false;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(replaced);
            Files.setPosixFilePermissions(replacement, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: there is no mode to keep
        }
        return true;
    }
}
