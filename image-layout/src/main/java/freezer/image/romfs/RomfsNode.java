package freezer.image.romfs;

import java.util.List;

/**
 * What goes into a ROMFS image: files and directories, each directory's entries in the order
 * they are written. Names are single path components in ASCII, as make_romfs encodes them
 * ({@code bytes(name, "ascii")} in tools/mpremote/mpremote/romfs.py).
 */
public sealed interface RomfsNode {
    String name();

    /** A file and its bytes (the image holds them verbatim). */
    record File(String name, byte[] data) implements RomfsNode {
        public File {
            RomfsNames.requireAscii(name);
        }
    }

    /** A directory and its entries. */
    record Directory(String name, List<RomfsNode> entries) implements RomfsNode {
        public Directory {
            RomfsNames.requireAscii(name);
            entries = List.copyOf(entries);
        }
    }
}
