package freezer.image.romfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a ROMFS image as extmod/vfs_rom.c walks one, but strictly: every record must lie inside
 * the record around it, every name and data record inside its entry, and a file must have
 * data; the first problem is reported with its offset. Kinds the reader does not know and
 * padding records are skipped, as vfs_rom.c skips them. Nothing is allocated from a length
 * before that length is checked against the bytes there are.
 */
public final class RomfsReader {
    /** Deeper directories are refused: a limit of freezer's, far past any real tree. */
    public static final int MAX_DEPTH = 1000;

    // vfs_rom.c ROMFS_SIZE_MIN: the header and a one-byte length
    private static final int MIN_SIZE = 4;
    private static final byte[] MAGIC = {(byte) 0xd2, (byte) 0xcd, 0x31};

    private final byte[] image;
    private final long bodyOffset;
    private final long bodySize;
    private final List<RomfsEntry> entries = new ArrayList<>();

    private RomfsReader(byte[] image, long bodyOffset, long bodySize) {
        this.image = image;
        this.bodyOffset = bodyOffset;
        this.bodySize = bodySize;
    }

    /** Whether the bytes start as a ROMFS image does. */
    public static boolean looksLikeRomfs(byte[] data) {
        return data.length >= MAGIC.length && Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    public static RomfsContents read(byte[] image) throws RomfsFormatException {
        if (image.length < MIN_SIZE) {
            throw new RomfsFormatException(image.length, "truncated: a ROMFS image has at least " + MIN_SIZE
                    + " bytes, this one " + image.length);
        }
        if (!looksLikeRomfs(image)) {
            throw new RomfsFormatException(0, String.format("not a ROMFS image: it starts %02x %02x %02x, not d2 cd 31",
                    image[0] & 0xff, image[1] & 0xff, image[2] & 0xff));
        }
        Cursor c = new Cursor(image, MAGIC.length, image.length, "the file");
        int padding = 0;
        while (c.pos < image.length && (image[c.pos] & 0xff) == Varuint.PAD) {
            padding++;
            c.pos++;
        }
        c.pos = MAGIC.length;
        long body = c.varuint("the image's length");
        int bodyOffset = c.pos;
        if (body > image.length - bodyOffset) {
            throw new RomfsFormatException(MAGIC.length, "truncated: the image's length is " + body + " bytes but only "
                    + (image.length - bodyOffset) + " follow its header");
        }
        RomfsReader r = new RomfsReader(image, bodyOffset, body);
        long other = r.readEntries(bodyOffset, bodyOffset + (int) body, 0, "");
        return new RomfsContents(bodyOffset + body, bodyOffset, padding, body, other,
                image.length - bodyOffset - body, r.entries);
    }

    /** Reads the records in [from, to) as a directory's entries; returns the bytes of other records. */
    private long readEntries(int from, int to, int depth, String prefix) throws RomfsFormatException {
        long other = 0;
        Cursor c = new Cursor(image, from, to, depth == 0 ? "the image" : "its directory");
        while (!c.atEnd()) {
            Record r = c.record("a directory entry");
            if (r.kind == RecordKind.DIRECTORY || r.kind == RecordKind.FILE) {
                readEntry(r, depth, prefix);
            } else {
                other += r.size();
            }
        }
        return other;
    }

    private void readEntry(Record r, int depth, String prefix) throws RomfsFormatException {
        Cursor c = new Cursor(image, r.payloadStart, r.payloadEnd, "its record");
        String what = r.kind == RecordKind.FILE ? "file" : "directory";
        long nameLength = c.varuint("the " + what + "'s name length");
        if (nameLength > c.remaining()) {
            throw new RomfsFormatException(r.start, "truncated: the " + what + "'s name is " + nameLength
                    + " bytes but its record has " + c.remaining() + " left");
        }
        byte[] name = Arrays.copyOfRange(image, c.pos, c.pos + (int) nameLength);
        c.pos += (int) nameLength;
        String path = prefix + RomfsNames.display(name);
        if (r.kind == RecordKind.DIRECTORY) {
            if (depth >= MAX_DEPTH) {
                throw new RomfsFormatException(r.start, "directories nest deeper than " + MAX_DEPTH + " levels");
            }
            int at = entries.size();
            entries.add(null);
            long other = readEntries(c.pos, r.payloadEnd, depth + 1, path + "/");
            long header = c.pos - r.start;
            entries.set(at, new RomfsEntry(path, name, depth, r.kind, r.start, r.size(), header, c.pos,
                    r.payloadEnd - c.pos, other, false));
            return;
        }
        entries.add(readFile(r, c, path, name, depth));
    }

    /** A file's records: the first data record is its data (vfs_rom.c extract_data); the rest are skipped. */
    private RomfsEntry readFile(Record r, Cursor c, String path, byte[] name, int depth) throws RomfsFormatException {
        long nameEnd = c.pos;
        Record data = null;
        long dataOffset = 0;
        long dataSize = 0;
        long dataHeader = 0;
        long other = 0;
        while (!c.atEnd()) {
            Record d = c.record("a record of file " + path);
            boolean isData = d.kind == RecordKind.DATA_VERBATIM || d.kind == RecordKind.DATA_POINTER;
            if (data != null || !isData) {
                other += d.size();
                continue;
            }
            data = d;
            if (d.kind == RecordKind.DATA_VERBATIM) {
                dataOffset = d.payloadStart;
                dataSize = d.payloadEnd - d.payloadStart;
                dataHeader = d.payloadStart - d.start;
            } else {
                Cursor p = new Cursor(image, d.payloadStart, d.payloadEnd, "its record");
                dataSize = p.varuint("the size in a data pointer");
                long offset = p.varuint("the offset in a data pointer");
                if (offset > bodySize || dataSize > bodySize - offset) {
                    throw new RomfsFormatException(d.start, "file " + path + " points at " + dataSize + " bytes at body"
                            + " offset " + offset + ", outside the image's " + bodySize + "-byte body");
                }
                dataOffset = bodyOffset + offset;
                dataHeader = d.size();
            }
        }
        if (data == null) {
            throw new RomfsFormatException(r.start, "file " + path + " has no data record");
        }
        long header = nameEnd - r.start + dataHeader;
        return new RomfsEntry(path, name, depth, r.kind, r.start, r.size(), header, dataOffset, dataSize, other,
                data.kind == RecordKind.DATA_POINTER);
    }

    /** One record's place: [start, payloadEnd), its payload from payloadStart; kind null when unknown. */
    private record Record(RecordKind kind, long code, int start, int payloadStart, int payloadEnd) {
        long size() {
            return payloadEnd - start;
        }
    }

    /** A position in [pos, end) that reads varuints and record frames, every problem at its offset. */
    private static final class Cursor {
        private final byte[] data;
        private final int end;
        private final String within;
        private int pos;

        /** @param within what [pos, end) is, for messages ("the image", "its record") */
        Cursor(byte[] data, int pos, int end, String within) {
            this.data = data;
            this.pos = pos;
            this.end = end;
            this.within = within;
        }

        boolean atEnd() {
            return pos >= end;
        }

        int remaining() {
            return end - pos;
        }

        /** A varuint, padded or not; values past 2^56 are refused (no image is that large). */
        long varuint(String what) throws RomfsFormatException {
            int start = pos;
            long value = 0;
            while (true) {
                if (pos >= end) {
                    throw new RomfsFormatException(start, "truncated: " + what + " runs past the end of "
                            + within + " at offset " + end);
                }
                int b = data[pos++] & 0xff;
                value = (value << 7) | (b & 0x7f);
                if ((value >>> 56) != 0) {
                    throw new RomfsFormatException(start, what + " is too large to be a length or offset");
                }
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }

        Record record(String what) throws RomfsFormatException {
            int start = pos;
            long code = varuint("the kind of " + what);
            long length = varuint("the length of " + what);
            if (length > remaining()) {
                throw new RomfsFormatException(start, "truncated: a record of kind " + code + " (" + what + ") says "
                        + length + " bytes but " + remaining() + " are left in "
                        + within);
            }
            RecordKind kind = RecordKind.of(code);
            if (kind == RecordKind.UNUSED) {
                throw new RomfsFormatException(start, "a record of kind 0 (unused): the filesystem is corrupt here");
            }
            int payloadStart = pos;
            pos += (int) length;
            return new Record(kind, code, start, payloadStart, pos);
        }
    }
}
