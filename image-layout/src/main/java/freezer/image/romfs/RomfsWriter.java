package freezer.image.romfs;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a ROMFS image as make_romfs (tools/mpremote/mpremote/romfs.py, VfsRomWriter) does:
 * the FILESYSTEM record around the root's entries, a DIRECTORY record per directory, a FILE
 * record holding one DATA_VERBATIM record per file, every length in its shortest varuint, and
 * one 0x80 byte before the image's length when that makes the image's length even (vfs_rom.c
 * requires an even size, and a padding record cannot be one byte long).
 *
 * <p>Sizes are worked out for the whole tree first, so every byte is written once, in place.
 */
public final class RomfsWriter {
    /** The largest image this writer makes: a Java array's limit. */
    public static final long MAX_IMAGE_SIZE = Integer.MAX_VALUE - 8;

    private static final long DATA_RECORD_KIND = RecordKind.DATA_VERBATIM.code();

    private RomfsWriter() {
    }

    /** A node with the length of its record's payload, worked out once. */
    private record Sized(RomfsNode node, byte[] name, long payload, List<Sized> children) {
        long recordSize() {
            return RomfsWriter.recordSize(kind(node), payload);
        }
    }

    /** The image of a root directory with these entries. */
    public static byte[] write(List<RomfsNode> root) {
        List<Sized> entries = new ArrayList<>(root.size());
        long body = 0;
        for (RomfsNode n : root) {
            Sized s = size(n);
            entries.add(s);
            body += s.recordSize();
        }
        long size = imageSize(body);
        if (size > MAX_IMAGE_SIZE) {
            throw new IllegalArgumentException("the image would be " + size + " bytes; freezer writes at most "
                    + MAX_IMAGE_SIZE);
        }
        byte[] out = new byte[(int) size];
        int at = Varuint.write(out, 0, RecordKind.FILESYSTEM.code());
        if (needsPad(body)) {
            out[at++] = (byte) Varuint.PAD;
        }
        at = Varuint.write(out, at, body);
        for (Sized s : entries) {
            at = write(out, at, s);
        }
        assert at == out.length;
        return out;
    }

    /** The size of an image whose root entries' records take {@code body} bytes. */
    public static long imageSize(long body) {
        long size = Varuint.length(RecordKind.FILESYSTEM.code()) + Varuint.length(body) + body;
        return needsPad(body) ? size + 1 : size;
    }

    private static boolean needsPad(long body) {
        return (Varuint.length(RecordKind.FILESYSTEM.code()) + Varuint.length(body) + body) % 2 == 1;
    }

    private static RecordKind kind(RomfsNode n) {
        return n instanceof RomfsNode.Directory ? RecordKind.DIRECTORY : RecordKind.FILE;
    }

    private static long recordSize(RecordKind kind, long payload) {
        return Varuint.length(kind.code()) + Varuint.length(payload) + payload;
    }

    private static Sized size(RomfsNode n) {
        byte[] name = RomfsNames.bytes(n.name());
        long head = Varuint.length(name.length) + name.length;
        if (n instanceof RomfsNode.File f) {
            long data = f.data().length;
            return new Sized(n, name, head + Varuint.length(DATA_RECORD_KIND) + Varuint.length(data) + data, List.of());
        }
        RomfsNode.Directory d = (RomfsNode.Directory) n;
        List<Sized> children = new ArrayList<>(d.entries().size());
        long payload = head;
        for (RomfsNode c : d.entries()) {
            Sized s = size(c);
            children.add(s);
            payload += s.recordSize();
        }
        return new Sized(n, name, payload, children);
    }

    private static int write(byte[] out, int at, Sized s) {
        at = Varuint.write(out, at, kind(s.node()).code());
        at = Varuint.write(out, at, s.payload());
        at = Varuint.write(out, at, s.name().length);
        System.arraycopy(s.name(), 0, out, at, s.name().length);
        at += s.name().length;
        if (s.node() instanceof RomfsNode.File f) {
            at = Varuint.write(out, at, DATA_RECORD_KIND);
            at = Varuint.write(out, at, f.data().length);
            System.arraycopy(f.data(), 0, out, at, f.data().length);
            return at + f.data().length;
        }
        for (Sized c : s.children()) {
            at = write(out, at, c);
        }
        return at;
    }
}
