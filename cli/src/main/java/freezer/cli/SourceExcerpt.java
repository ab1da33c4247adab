package freezer.cli;

import freezer.core.SourcePosition;
import java.nio.charset.StandardCharsets;

/**
 * The source line an error points at and a caret under its column, as two printable lines.
 * Lines end as py/lexer.c ends them (LF, CR LF, or a lone CR); columns count characters as
 * {@link SourcePosition} does (a tab is one, and stays a tab in both lines, so the caret lines up
 * whatever the terminal's tab stops). Control bytes show as {@code ?}, bytes that are not UTF-8 as
 * U+FFFD, and a long line is cut to a window around the column.
 */
record SourceExcerpt(String text, String caret) {
    private static final int WINDOW = 160;

    /** The excerpt for a 1-based line and column, or null when the source has no such line. */
    static SourceExcerpt of(byte[] source, int line, int column) {
        if (source == null || line < 1) {
            return null;
        }
        int start = SourcePosition.lineStart(source, line);
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
            int len = SourcePosition.utf8Length(source, i, end);
            if (b == '\t') {
                text.append('\t');
            } else if (b < 0x20 || b == 0x7f) {
                text.append('?');
            } else if (b < 0x80) {
                text.append((char) b);
            } else if (len > 0) {
                text.append(new String(source, i, len, StandardCharsets.UTF_8));
            } else {
                text.append('\uFFFD');
                len = 1;
            }
            col++;
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
}
