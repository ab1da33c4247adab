package freezer.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a command reads and writes: standard input, standard output (which may carry .mpy
 * bytes, so it is a byte stream) and standard error. Tests pass their own.
 */
public record StdStreams(InputStream in, PrintStream out, PrintStream err) {

    /** The process's own streams, text in UTF-8. */
    public static StdStreams system() {
        return new StdStreams(System.in,
                new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }
}
