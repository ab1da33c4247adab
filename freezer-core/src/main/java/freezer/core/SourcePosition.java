package freezer.core;

/**
 * Where a byte offset of a source file is, as editors count: a 1-based line (lines end as
 * py/lexer.c ends them: LF, CR LF or a lone CR) and a 1-based column in characters (Unicode code
 * points: a multi-byte UTF-8 character is one column, a tab is one column, a byte that is not
 * UTF-8 is one column). VS Code's problem matchers read columns so. Every error position freezer
 * prints (compile errors, manifest errors) is counted so, from the byte offsets the lexer keeps.
 *
 * @param line 1-based
 * @param column 1-based, in code points
 * @param lineStart the byte offset where the line starts
 */
public record SourcePosition(int line, int column, int lineStart) {

    /** The position of {@code offset} (clamped to the source). */
    public static SourcePosition of(byte[] source, int offset) {
        int end = Math.max(0, Math.min(offset, source.length));
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < end) {
            byte b = source[i];
            if (b == '\n' || b == '\r') {
                i += b == '\r' && i + 1 < source.length && source[i + 1] == '\n' ? 2 : 1;
                if (i > end) {
                    // the offset is the LF of a CR LF: still the end of this line
                    break;
                }
                line++;
                lineStart = i;
            } else {
                i++;
            }
        }
        return new SourcePosition(line, codePoints(source, lineStart, end) + 1, lineStart);
    }

    /** The number of characters of the line that starts at {@code lineStart}, to its end. */
    public static int lineLength(byte[] source, int lineStart) {
        int end = lineStart;
        while (end < source.length && source[end] != '\n' && source[end] != '\r') {
            end++;
        }
        return codePoints(source, lineStart, end);
    }

    /** The byte offset where 1-based line {@code line} starts, or -1 past the end. */
    public static int lineStart(byte[] s, int line) {
        int i = 0;
        for (int n = 1; n < line; n++) {
            while (i < s.length && s[i] != '\n' && s[i] != '\r') {
                i++;
            }
            if (i >= s.length) {
                return -1;
            }
            i += s[i] == '\r' && i + 1 < s.length && s[i + 1] == '\n' ? 2 : 1;
        }
        return i;
    }

    /** Characters in {@code s[from, to)}: each well-formed UTF-8 sequence one, every other byte one. */
    public static int codePoints(byte[] s, int from, int to) {
        int n = 0;
        int i = from;
        while (i < to) {
            int len = utf8Length(s, i, to);
            i += len > 0 ? len : 1;
            n++;
        }
        return n;
    }

    /** The length of a well-formed UTF-8 sequence at {@code i} (1 for ASCII), or 0. */
    public static int utf8Length(byte[] s, int i, int end) {
        int b = s[i] & 0xff;
        if (b < 0x80) {
            return 1;
        }
        int len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
        if (len == 0 || i + len > end) {
            return 0;
        }
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80) {
                return 0;
            }
        }
        return len;
    }
}
