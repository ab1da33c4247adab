package freezer.image.romfs;

import freezer.core.CompileError;

/** Why an image cannot be built from a tree; each names the file it is about. */
public sealed interface RomfsProblem {
    /** The file as messages name it (the input path for a module). */
    String file();

    /**
     * A name, an unreadable entry or a special file in the tree.
     *
     * @param type the Python exception upstream raises for it ({@code UnicodeEncodeError} for a
     *     name outside ASCII, {@code OSError} for the rest)
     */
    record Source(String file, String type, String message) implements RomfsProblem {
        static Source os(String file, String message) {
            return new Source(file, "OSError", message);
        }
    }

    /** A module mpy-cross would reject, with its source for the excerpt under the message. */
    record Rejected(String file, CompileError error, byte[] source) implements RomfsProblem {
    }

    /** A failure of freezer itself on this file. */
    record Crashed(String file, Throwable cause) implements RomfsProblem {
    }
}
