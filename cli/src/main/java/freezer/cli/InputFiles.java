package freezer.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading inputs, and I/O failures as the short phrases a diagnostic carries. */
final class InputFiles {
    private InputFiles() {
    }

    static byte[] read(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            throw new IOException("is a directory");
        }
        return Files.readAllBytes(p);
    }

    /** "can't open FILE: no such file or directory" and the like. */
    static String describe(String verb, String file, IOException e) {
        return verb + " " + file + ": " + reason(e);
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }
}
