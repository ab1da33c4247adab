package freezer.image.romfs;

import java.util.List;

/**
 * What an image holds, as {@link RomfsReader} found it.
 *
 * @param size the FILESYSTEM record's size: header and body (what a partition must hold)
 * @param headerSize the header: the kind (d2 cd 31) and the body's length, padding included
 * @param headerPadding the 0x80 bytes in front of the body's length
 * @param bodySize the root's records
 * @param otherSize bytes of root records that are neither files nor directories
 * @param trailingSize bytes after the FILESYSTEM record (the rest of a partition, say)
 * @param entries every file and directory, depth first, in the image's order
 */
public record RomfsContents(long size, int headerSize, int headerPadding, long bodySize, long otherSize,
        long trailingSize, List<RomfsEntry> entries) {

    public RomfsContents {
        entries = List.copyOf(entries);
    }

    public long bodyOffset() {
        return headerSize;
    }

    public long files() {
        return entries.stream().filter(e -> !e.isDirectory()).count();
    }

    public long directories() {
        return entries.stream().filter(RomfsEntry::isDirectory).count();
    }
}
