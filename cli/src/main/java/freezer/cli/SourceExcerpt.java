package freezer.cli;

import java.nio.charset.StandardCharsets;

/**
 * The source line an error points at and a caret under its column, as two printable lines.
 * Lines end as py/lexer.c ends them (LF, CR LF, or a lone CR); columns count as it counts
 * (a byte is one column, a tab moves to the next multiple of 8). Control bytes show as {@code ?},
 * bytes that are not UTF-8 as U+FFFD, and a long line is cut to a window around the column.
 */
record SourceExcerpt(String text, String caret) {
    private static final int TAB_SIZE = 8;
    private static final int WINDOW = 160;

    /** The excerpt for a 1-based line and column, or null when the source has no such line. */
    static SourceExcerpt of(byte[] source, int line, int column) {
        if (source == null || line < 1) {
            return null;
        }
        int start = lineStart(source, line);
        if (start < 0) {
            return null;
        }
        int end = start;
        while (end < source.length && source[end] != '\n' && source[end] != '\r') {
            end++;
        }
        StringBuilder text = new StringBuilder();
        int caretAt = -1;
        int col = 1;
        int i = start;
        while (i < end) {
            if (caretAt < 0 && column > 0 && col >= column) {
                caretAt = text.length();
            }
            int b = source[i] & 0xff;
            int len = b == '\t' || b < 0x80 ? 1 : utf8Length(source, i, end);
            if (b == '\t') {
                text.append('\t');
                col = ((col - 1 + TAB_SIZE) / TAB_SIZE) * TAB_SIZE + 1;
            } else if (b < 0x20 || b == 0x7f) {
                text.append('?');
                col++;
            } else if (b < 0x80) {
                text.append((char) b);
                col++;
            } else if (len > 0) {
                text.append(new String(source, i, len, StandardCharsets.UTF_8));
                col += len;
            } else {
                text.append('\uFFFD');
                col++;
                len = 1;
            }
            i += len;
        }
        if (caretAt < 0 && column > 0) {
            caretAt = text.length();
        }
        return window(text.toString(), caretAt);
    }

    private static SourceExcerpt window(String text, int caretAt) {
        int from = 0;
        int to = text.length();
        String prefix = "";
        String suffix = "";
        if (text.length() > WINDOW) {
            int anchor = Math.max(caretAt, 0);
            from = Math.max(0, Math.min(anchor - WINDOW / 2, text.length() - WINDOW));
            to = Math.min(text.length(), from + WINDOW);
            prefix = from > 0 ? "..." : "";
            suffix = to < text.length() ? "..." : "";
        }
        String shown = prefix + text.substring(from, to) + suffix;
        if (caretAt < 0) {
            return new SourceExcerpt(shown, null);
        }
        StringBuilder caret = new StringBuilder(prefix.replaceAll(".", " "));
        for (int k = from; k < caretAt && k < to; k++) {
            caret.append(text.charAt(k) == '\t' ? '\t' : ' ');
        }
        return new SourceExcerpt(shown, caret.append('^').toString());
    }

    /** Where line {@code line} starts, or -1 past the end. */
    private static int lineStart(byte[] s, int line) {
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
        return i <= s.length ? i : -1;
    }

    /** The length of a well-formed UTF-8 sequence at {@code i}, or 0. */
    private static int utf8Length(byte[] s, int i, int end) {
        int b = s[i] & 0xff;
        int len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
        if (len == 0 || b > 0xf4 || i + len > end) {
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
