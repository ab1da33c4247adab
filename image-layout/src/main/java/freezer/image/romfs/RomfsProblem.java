package freezer.image.romfs;

import freezer.core.CompileError;

/** Why an image cannot be built from a tree; each names the file it is about. */
public sealed interface RomfsProblem {
    /** The file as messages name it (the input path for a module). */
    String file();

    /** A name, an unreadable entry or a special file in the tree. */
    record Source(String file, String message) implements RomfsProblem {
    }

    /** A module mpy-cross would reject, with its source for the excerpt under the message. */
    record Rejected(String file, CompileError error, byte[] source) implements RomfsProblem {
    }

    /** A failure of freezer itself on this file. */
    record Crashed(String file, Throwable cause) implements RomfsProblem {
    }
}
