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
 * {@code FILE: offset N: message} (or {@code FILE: cannot read: reason}). Bytes after a module
 * are accepted, as MicroPython and mpy-tool.py accept them, with a warning naming where they start.
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
        return readAll(names, stdin, err, "ignored (MicroPython and mpy-tool.py ignore them too)");
    }

    /**
     * As {@link #readAll(List, InputStream, PrintStream)}, saying what becomes of trailing bytes
     * ({@code fate} ends the warning).
     */
    static List<Input> readAll(List<String> names, InputStream stdin, PrintStream err, String fate) {
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
                MpyReader.MpyFile file = MpyReader.readFile(bytes);
                if (file.trailingBytes() > 0) {
                    err.println(name + ": offset " + file.moduleLength() + ": warning: " + file.trailingBytes()
                            + (file.trailingBytes() == 1 ? " byte follows" : " bytes follow")
                            + " the end of the module; " + fate);
                }
                out.add(new Input(name, bytes, file.module()));
            } catch (MpyFormatException e) {
                err.println(name + ": offset " + e.offset() + ": " + e.problem());
                failed = true;
            }
        }
        return failed ? null : out;
    }
}
