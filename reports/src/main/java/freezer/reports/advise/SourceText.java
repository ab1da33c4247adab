package freezer.reports.advise;

import freezer.core.ByteStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * A source file's bytes with its lines found, for the edits the advisor makes: where lines
 * start and end, which line break they use, and whether the bytes at an offset spell what an
 * edit expects there (an edit never lands anywhere else). Lines end at LF, CR LF or CR, as
 * py/lexer.c reads them.
 */
public final class SourceText {
    private final byte[] bytes;
    /** Offsets of the first byte of each line; entry 0 is line 1. */
    private final int[] lineStarts;

    public SourceText(byte[] bytes) {
        this.bytes = bytes.clone();
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The offset of a line's first byte, or -1 past the end. */
    public int lineStart(int line) {
        return line >= 1 && line <= lineStarts.length ? lineStarts[line - 1] : -1;
    }

    /** The offset just past a line's text (before its line break). */
    public int lineEnd(int line) {
        int end = line < lineStarts.length ? lineStarts[line] : bytes.length;
        while (end > lineStart(line) && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return end;
    }

    /** The line break the file uses after this line ("\n" when it has none). */
    public String lineBreak(int line) {
        int end = lineEnd(line);
        if (end < bytes.length && bytes[end] == '\r') {
            return end + 1 < bytes.length && bytes[end + 1] == '\n' ? "\r\n" : "\r";
        }
        return "\n";
    }

    /** The 1-based line holding an offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Whether the bytes at {@code offset} are exactly {@code text} (a byte string). */
    public boolean spells(int offset, String text) {
        if (offset < 0 || offset + text.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if ((bytes[offset + i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes from {@code from} to {@code to} as a byte string. */
    public String slice(int from, int to) {
        return ByteStrings.of(bytes, from, to);
    }

    public int byteAt(int offset) {
        return bytes[offset] & 0xFF;
    }
}
