package freezer.image.romfs;

/**
 * The record kinds of a ROMFS image (extmod/vfs_rom.c, MicroPython v1.28.0). Every record is
 * varuint(kind), varuint(payload length), payload; a reader skips kinds it does not know.
 */
public enum RecordKind {
    /** Never written: a reader that meets it treats the filesystem as corrupt. */
    UNUSED(0),
    /** Padding or comments: any payload, skipped by readers. */
    PADDING(1),
    /** A file's data, stored in the payload. */
    DATA_VERBATIM(2),
    /** A file's data elsewhere in the image: varuint(size), varuint(offset from the body's start). */
    DATA_POINTER(3),
    /** varuint(name length), name, then the records of the directory's entries. */
    DIRECTORY(4),
    /** varuint(name length), name, then the file's records (one of them its data). */
    FILE(5),
    /** The image itself: its kind encodes as d2 cd 31 ("RM1" with two high bits set). */
    FILESYSTEM(0x14a6b1);

    private final long code;

    RecordKind(long code) {
        this.code = code;
    }

    public long code() {
        return code;
    }

    /** The kind with this code, or null for a kind this reader does not know (to be skipped). */
    public static RecordKind of(long code) {
        for (RecordKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
