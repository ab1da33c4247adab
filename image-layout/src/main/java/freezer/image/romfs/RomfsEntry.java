package freezer.image.romfs;

/**
 * One file or directory found in an image, with where its bytes are.
 *
 * @param path the names from the root down to this entry joined by {@code /}, each as
 *     {@link RomfsNames#display} shows it
 * @param name the entry's own name, as stored
 * @param depth 0 for an entry of the root directory
 * @param kind {@link RecordKind#FILE} or {@link RecordKind#DIRECTORY}
 * @param recordOffset where its record starts in the image
 * @param recordSize its whole record: kind, length and payload
 * @param headerSize the record's own framing: its kind and length, the name's length and the
 *     name, and for a file its data record's kind and length (or a data pointer record whole)
 * @param dataOffset a file's data, or where a directory's entries start
 * @param dataSize a file's length, or the bytes a directory's records take after its name
 * @param otherSize bytes of records inside it that are neither its data nor its entries
 *     (padding and kinds a reader skips)
 * @param dataPointer whether a file's data is elsewhere in the image (a DATA_POINTER record)
 */
public record RomfsEntry(String path, byte[] name, int depth, RecordKind kind, long recordOffset, long recordSize,
        long headerSize, long dataOffset, long dataSize, long otherSize, boolean dataPointer) {

    public boolean isDirectory() {
        return kind == RecordKind.DIRECTORY;
    }
}
