package freezer.cli;

import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyFormatException;
import freezer.core.mpy.MpyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the .mpy files a command is given and reports each one that cannot be read as
 * {@code FILE: offset N: message} (or {@code FILE: cannot read: reason}).
 */
final class MpyInputs {
    private MpyInputs() {
    }

    /** A file as named on the command line, its bytes and the module in it. */
    record Input(String name, byte[] bytes, CompiledModule module) {
    }

    /**
     * Reads every file; returns null when any fails (after reporting all failures to err).
     * {@code -} reads standard input.
     */
    static List<Input> readAll(List<String> names, InputStream stdin, PrintStream err) {
        List<Input> out = new ArrayList<>();
        boolean failed = false;
        for (String name : names) {
            byte[] bytes;
            try {
                bytes = name.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Paths.get(name));
            } catch (NoSuchFileException e) {
                err.println(name + ": cannot read: no such file");
                failed = true;
                continue;
            } catch (IOException | InvalidPathException e) {
                err.println(name + ": cannot read: " + e.getMessage());
                failed = true;
                continue;
            }
            try {
                out.add(new Input(name, bytes, MpyReader.read(bytes)));
            } catch (MpyFormatException e) {
                err.println(name + ": offset " + e.offset() + ": " + e.problem());
                failed = true;
            }
        }
        return failed ? null : out;
    }
}
