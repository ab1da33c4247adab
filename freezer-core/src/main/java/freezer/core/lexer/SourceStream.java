package freezer.core.lexer;

/**
 * The bytes the lexer looks at: a window of three (the current byte and two ahead), the line and
 * column of the current one, and the characters an f-string or t-string pushes in front of the
 * rest of the input.
 *
 * <p>Follows py/lexer.c's {@code next_char}: CR and CR LF become one LF as a byte enters the
 * window, a NUL byte in the input becomes 0x01 so it cannot pass for the end of input (0), and a
 * newline is supplied at the end of input when the last line lacks one. Columns count from 1 and a
 * tab moves to the next multiple of 8 plus 1; injected characters move the column like any other.
 *
 * <p>Each byte in the window also carries its offset in the source as written (freezer's
 * addition, for error positions): a source byte its own, an injected character the offset of the
 * source byte it was copied from, or of where the lexer stood when it made it up.
 */
final class SourceStream {
    /** The byte the window holds past the end of input. */
    static final int EOF = 0;
    private static final int NUL_REPLACEMENT = 1;
    private static final int TAB_SIZE = 8;

    private final byte[] source;
    private int position;
    /** Injected characters still to be read, the next one last (a stack, so injecting is cheap). */
    private final StringBuilder injected = new StringBuilder();
    /** The source offset of each injected character, in step with {@link #injected}. */
    private int[] injectedOffsets = new int[16];
    /** The source offset of the character {@link #fetch} returned last. */
    private int fetchedOffset;

    private int chr0;
    private int chr1;
    private int chr2;
    private int offset0;
    private int offset1;
    private int offset2;
    private int line = 1;
    // lexer.c starts at column -2 and fills the window by advancing three times
    private int column = -2;

    SourceStream(byte[] source) {
        this.source = source;
        advance();
        advance();
        advance();
    }

    int current() {
        return chr0;
    }

    int next1() {
        return chr1;
    }

    int next2() {
        return chr2;
    }

    boolean isEnd() {
        return chr0 == EOF;
    }

    boolean at(int c) {
        return chr0 == c;
    }

    boolean atPair(int c0, int c1) {
        return chr0 == c0 && chr1 == c1;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    /** The offset in the source as written of the current character. */
    int offset() {
        return offset0;
    }

    void advance() {
        if (chr0 == '\n') {
            line++;
            column = 1;
        } else if (chr0 == '\t') {
            column = ((column - 1 + TAB_SIZE) / TAB_SIZE) * TAB_SIZE + 1;
        } else {
            column++;
        }
        chr0 = chr1;
        offset0 = offset1;
        chr1 = chr2;
        offset1 = offset2;
        int next = fetch();
        int nextOffset = fetchedOffset;
        if (chr1 == '\r') {
            chr1 = '\n';
            if (next == '\n') {
                next = fetch();
                nextOffset = fetchedOffset;
            }
        }
        if (next == EOF && chr1 != EOF && chr1 != '\n') {
            next = '\n';
        }
        chr2 = next;
        offset2 = nextOffset;
    }

    /**
     * Makes {@code chars} the next characters of the stream, starting with the current one: the
     * window's three bytes follow them, then whatever was to come (lexer.c's f-string injection,
     * which reloads the window directly, without newline conversion and without moving the column).
     */
    void inject(CharSequence chars, int[] offsets) {
        push((char) chr2, offset2);
        push((char) chr1, offset1);
        push((char) chr0, offset0);
        for (int i = chars.length() - 1; i >= 0; i--) {
            push(chars.charAt(i), offsets[i]);
        }
        chr0 = popInjected();
        offset0 = fetchedOffset;
        chr1 = popInjected();
        offset1 = fetchedOffset;
        chr2 = popInjected();
        offset2 = fetchedOffset;
    }

    private void push(char c, int offset) {
        int at = injected.length();
        if (at == injectedOffsets.length) {
            injectedOffsets = java.util.Arrays.copyOf(injectedOffsets, at * 2);
        }
        injected.append(c);
        injectedOffsets[at] = offset;
    }

    private int fetch() {
        if (injected.length() > 0) {
            return popInjected();
        }
        fetchedOffset = position;
        if (position >= source.length) {
            return EOF;
        }
        int b = source[position++] & 0xFF;
        return b == 0 ? NUL_REPLACEMENT : b;
    }

    private int popInjected() {
        int last = injected.length() - 1;
        char c = injected.charAt(last);
        fetchedOffset = injectedOffsets[last];
        injected.setLength(last);
        return c;
    }
}
