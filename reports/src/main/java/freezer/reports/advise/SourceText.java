package freezer.reports.advise;

import freezer.core.ByteStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * A source file's bytes with its lines found, to turn the lexer's (line, column) positions into
 * byte offsets and back. Lines end at LF, CR LF or CR, as py/lexer.c reads them.
 *
 * <p>The lexer counts columns from 1 with a tab moving to the next multiple of 8 plus 1, one
 * column a byte; a later lexer may count code points with a tab as one. An offset is accepted
 * only where the bytes there spell what is expected, trying both ways of counting, so an edit
 * never lands anywhere else.
 */
public final class SourceText {
    private static final int TAB_SIZE = 8;

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

    /**
     * The byte offset of the token the lexer placed at (line, column) that spells {@code text}
     * (a byte string), or -1 when no way of counting columns finds it there.
     */
    public int offsetOf(int line, int column, String text) {
        int start = lineStart(line);
        if (start < 0 || column < 1) {
            return -1;
        }
        int byBytes = walk(start, column, true);
        if (spells(byBytes, text)) {
            return byBytes;
        }
        int byCodePoints = walk(start, column, false);
        return spells(byCodePoints, text) ? byCodePoints : -1;
    }

    private int walk(int start, int column, boolean bytesWithTabStops) {
        int end = lineEnd(lineOf(start));
        int col = 1;
        int i = start;
        while (col < column && i < end) {
            int b = bytes[i] & 0xFF;
            i++;
            if (bytesWithTabStops) {
                col = b == '\t' ? ((col - 1 + TAB_SIZE) / TAB_SIZE) * TAB_SIZE + 1 : col + 1;
            } else {
                // one column per code point: UTF-8 continuation bytes do not count
                col++;
                while (i < end && (bytes[i] & 0xC0) == 0x80) {
                    i++;
                }
            }
        }
        return col == column ? i : -1;
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
