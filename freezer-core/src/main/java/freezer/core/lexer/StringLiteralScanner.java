package freezer.core.lexer;

import freezer.core.CompileError;
import freezer.core.ErrorType;

/**
 * Scans the literals of one string or bytes token (py/lexer.c's {@code parse_string_literal}),
 * which adjacent literals share: the lexer joins them into one token, as lexer.c does.
 *
 * <p>The token's value goes to {@code text}. An f-string's replacement fields are cut out of it
 * and collected in {@link #formatArgs()} as the arguments of a {@code .format(...)} call, which
 * the lexer then injects after the literal: {@code f'a{x}b'} reads as {@code 'a{}b'.format((x),)}.
 * A t-string becomes the arguments of a call to {@code __template__}: the literal parts as a tuple
 * of strings, then for each interpolation its value, its source text, its conversion and its
 * format spec.
 *
 * <p>Errors become the token's kind (INVALID, MALFORMED_FSTRING, LONELY_STRING_OPEN), for the
 * parser to report; only {@code \N{...}} throws.
 */
final class StringLiteralScanner {
    private final SourceStream in;
    private final StringBuilder text;
    private final String sourceName;
    private final PlacedText formatArgs;
    private TokenKind kind;

    // where the current literal stands; a t-string's interpolation state is per literal
    private int quote;
    private int numQuotes;
    private int closingQuotes;
    private int interpolations;
    private int formatSpecStart;
    private int formatSpecDepth;
    private boolean formatSpecNeedsFString;

    StringLiteralScanner(SourceStream in, StringBuilder text, String sourceName) {
        this.in = in;
        this.text = text;
        this.sourceName = sourceName;
        this.formatArgs = new PlacedText(in);
    }

    /** Starts a token; END stands for "no literal yet", as in lexer.c. */
    void begin() {
        kind = TokenKind.END;
    }

    TokenKind kind() {
        return kind;
    }

    void setKind(TokenKind kind) {
        this.kind = kind;
    }

    /** The {@code .format(...)} or {@code __template__(...)} arguments collected so far. */
    PlacedText formatArgs() {
        return formatArgs;
    }

    /** Scans one literal, its prefix already consumed; the current byte is its opening quote. */
    void scanLiteral(StringPrefix prefix) {
        boolean raw = prefix.raw();
        boolean fstring = prefix.format();
        boolean tstring = prefix.template();
        quote = in.at('"') ? '"' : '\'';
        in.advance();
        if (in.atPair(quote, quote)) {
            in.advance();
            in.advance();
            numQuotes = 3;
        } else {
            numQuotes = 1;
        }
        closingQuotes = 0;
        // a literal joined to an f-string or t-string before it continues that one's arguments
        if (fstring && formatArgs.length() == 0) {
            formatArgs.append(".format(");
        }
        if (tstring && formatArgs.length() == 0) {
            text.append("((");
            appendQuotes(text);
        }
        interpolations = 0;
        formatSpecStart = 0;
        formatSpecDepth = 0;
        formatSpecNeedsFString = false;

        while (!in.isEnd() && (numQuotes > 1 || !in.at('\n')) && closingQuotes < numQuotes) {
            if (in.at(quote)) {
                closingQuotes++;
                text.append((char) quote);
            } else if (tstring && in.at('\n')) {
                // the literal is rebuilt as a one-line string; this does not reset the closing-quote count
                text.append("\\n");
            } else {
                closingQuotes = 0;
                if ((fstring || tstring) && in.at('{')) {
                    if (tstring && formatSpecDepth > 0) {
                        // a '{' inside a t-string's format spec stays in the spec
                        formatSpecDepth++;
                    } else {
                        scanReplacementField(tstring);
                        continue;
                    }
                }
                scanCharacter(raw, tstring);
            }
            in.advance();
        }

        if (closingQuotes < numQuotes) {
            kind = TokenKind.LONELY_STRING_OPEN;
        }
        if (tstring) {
            if (formatSpecDepth > 0) {
                kind = TokenKind.MALFORMED_FSTRING;
            }
            // a call takes at most 255 arguments, so many interpolations go in one tuple
            if (1 + interpolations * 4 > 255) {
                formatArgs.insert(0, "(");
                formatArgs.append(')');
            }
        } else {
            // a t-string keeps its closing quotes: its text is source for the injected call
            text.setLength(Math.max(0, text.length() - closingQuotes));
        }
    }

    /** Handles the byte at the cursor that is not a quote or a replacement field. */
    private void scanCharacter(boolean raw, boolean tstring) {
        if (tstring && in.at('\\')) {
            // a t-string's literal parts are rebuilt as string literals, so escapes stay as written
            text.append('\\');
            if (raw) {
                text.append('\\');
            } else {
                in.advance();
                text.append((char) in.current());
            }
        } else if (in.at('\\')) {
            scanEscape(raw);
        } else if (tstring && formatSpecDepth > 0 && in.at('}')) {
            closeFormatSpec();
        } else {
            int c = in.current();
            text.append((char) c);
            if (tstring && c == '}') {
                if (in.next1() == '}') {
                    in.advance();
                } else {
                    kind = TokenKind.MALFORMED_FSTRING;
                }
            }
        }
    }

    /** Handles a backslash and what it escapes, leaving the cursor on the escape's last byte. */
    private void scanEscape(boolean raw) {
        int backslashLine = in.line();
        int backslashOffset = in.offset();
        in.advance();
        long c = in.current();
        if (raw) {
            // raw literals keep the backslash, and it escapes a quote
            text.append('\\');
        } else {
            switch ((int) c) {
                case '\n':
                    // an escaped newline is dropped with its backslash
                    return;
                case '\\':
                case '\'':
                case '"':
                    break;
                case 'a':
                    c = 0x07;
                    break;
                case 'b':
                    c = 0x08;
                    break;
                case 't':
                    c = 0x09;
                    break;
                case 'n':
                    c = 0x0a;
                    break;
                case 'v':
                    c = 0x0b;
                    break;
                case 'f':
                    c = 0x0c;
                    break;
                case 'r':
                    c = 0x0d;
                    break;
                case 'u':
                case 'U':
                    if (kind == TokenKind.BYTES) {
                        // bytes have no \\u escape: both characters stay
                        text.append('\\');
                        break;
                    }
                    c = hexEscape(c == 'u' ? 4 : 8);
                    break;
                case 'x':
                    c = hexEscape(2);
                    break;
                case 'N':
                    // mpy-cross reports this without a line; the escape is the best position
                    throw CompileError.withoutLine(ErrorType.NotImplementedError, "unicode name escapes",
                            sourceName, backslashLine, backslashOffset);
                default:
                    if (CharClass.isOctalDigit((int) c)) {
                        c = octalEscape((int) c);
                    } else {
                        // an unknown escape stays as written, as in CPython
                        text.append('\\');
                    }
                    break;
            }
        }
        appendEscaped(c);
    }

    /** Reads {@code digits} hex digits after the cursor, leaving it on the last one read. */
    private long hexEscape(int digits) {
        long value = 0;
        for (int i = 0; i < digits; i++) {
            in.advance();
            int c = in.current();
            if (!CharClass.isHexDigit(c)) {
                // too few digits: the byte that stopped the escape is skipped, as lexer.c does
                kind = TokenKind.INVALID;
                return 0;
            }
            value = (value << 4) + CharClass.hexValue(c);
        }
        return value;
    }

    private long octalEscape(int first) {
        long value = first - '0';
        int digits = 3;
        while (CharClass.isOctalDigit(in.next1()) && --digits != 0) {
            in.advance();
            value = value * 8 + (in.current() - '0');
        }
        return value;
    }

    /**
     * Adds an escape's value: a str takes a code point as UTF-8, bytes take a byte. A value out of
     * range, or any escape once the token is already in error, makes the token INVALID. Note the
     * byte after a raw or unknown escape's backslash is taken as a code point too, so a UTF-8
     * lead byte there is re-encoded (lexer.c does the same).
     */
    private void appendEscaped(long c) {
        if (c < 0x110000 && kind == TokenKind.STRING) {
            appendUtf8((int) c);
        } else if (c < 0x100 && kind == TokenKind.BYTES) {
            text.append((char) c);
        } else {
            kind = TokenKind.INVALID;
        }
    }

    private void appendUtf8(int c) {
        if (c < 0x80) {
            text.append((char) c);
        } else if (c < 0x800) {
            text.append((char) (0xC0 | (c >> 6)));
            text.append((char) (0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            text.append((char) (0xE0 | (c >> 12)));
            text.append((char) (0x80 | ((c >> 6) & 0x3F)));
            text.append((char) (0x80 | (c & 0x3F)));
        } else {
            text.append((char) (0xF0 | (c >> 18)));
            text.append((char) (0x80 | ((c >> 12) & 0x3F)));
            text.append((char) (0x80 | ((c >> 6) & 0x3F)));
            text.append((char) (0x80 | (c & 0x3F)));
        }
    }

    /**
     * At a '{' of an f-string or t-string: a doubled "{{" is kept for str.format (one brace in a
     * t-string); otherwise the expression up to ':', '}' or a conversion "!r" / "!s" is moved to
     * the arguments, wrapped in parentheses, and only '{' stays in the text. The cursor is left on
     * the byte after the expression, which the caller handles next.
     */
    private void scanReplacementField(boolean tstring) {
        in.advance();
        if (in.at('{')) {
            if (!tstring) {
                text.append('{');
            }
            in.advance();
        } else {
            formatArgs.append('(');
            int start = formatArgs.length();
            copyExpression();
            boolean debug = false;
            if (formatArgs.charAt(formatArgs.length() - 1) == '=') {
                // f'{a=}' reads as 'a={}'.format(a)
                text.append(formatArgs, start, formatArgs.length());
                formatArgs.setLength(formatArgs.length() - 1);
                debug = true;
            }
            if (tstring) {
                while (formatArgs.length() > 0 && CharClass.isSpace(formatArgs.charAt(formatArgs.length() - 1))) {
                    formatArgs.setLength(formatArgs.length() - 1);
                }
            }
            if (formatArgs.length() == start) {
                kind = TokenKind.MALFORMED_FSTRING;
            }
            formatArgs.append(')').append(',');
            if (tstring) {
                startInterpolation(start, debug);
            }
        }
        text.append('{');
    }

    /**
     * Copies the expression of a replacement field into the arguments. Like lexer.c, this knows
     * no Python syntax: it only counts [] and {} nesting (as an unsigned counter, so a stray ']'
     * sends it to the end of input), and stops at ':', '}', or '!' followed by r or s and then ':'
     * or '}' (so {@code a != b} stays whole).
     */
    private void copyExpression() {
        int depth = 0;
        while (!in.isEnd() && (depth != 0 || !atFieldEnd())) {
            int c = in.current();
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            formatArgs.append((char) c);
            in.advance();
        }
    }

    private boolean atFieldEnd() {
        if (in.at(':') || in.at('}')) {
            return true;
        }
        return in.at('!') && (in.next1() == 'r' || in.next1() == 's')
                && (in.next2() == ':' || in.next2() == '}');
    }

    /**
     * After a t-string interpolation's value: adds its source text as a string, its conversion,
     * and ends the current literal part; the format spec that follows is collected in the text
     * until the closing '}' and then moved to the arguments.
     */
    private void startInterpolation(int start, boolean debug) {
        formatArgs.append((char) quote);
        int expressionLength = formatArgs.length() - start - 3;
        for (int j = 0; j < expressionLength; j++) {
            char b = formatArgs.charAt(start + j);
            if (b == quote || b == '\\') {
                formatArgs.append('\\');
            }
            formatArgs.append(b);
        }
        formatArgs.append((char) quote).append(',');

        appendQuotes(text);
        text.append(',');
        appendQuotes(text);

        if (in.at('!')) {
            in.advance();
            formatArgs.append((char) quote).append((char) in.current()).append((char) quote).append(',');
            in.advance();
        } else if (debug && !in.at(':')) {
            formatArgs.append("'r',");
        } else {
            formatArgs.append("None,");
        }
        if (in.at(':')) {
            in.advance();
        }
        formatSpecDepth = 1;
        formatSpecStart = text.length();
    }

    /** At a '}' inside a t-string's format spec: closes a nested field, or the interpolation. */
    private void closeFormatSpec() {
        if (--formatSpecDepth > 0) {
            // the spec itself holds a replacement field, so it becomes an f-string
            formatSpecNeedsFString = true;
            text.append('}');
            return;
        }
        interpolations++;
        if (formatSpecNeedsFString) {
            formatArgs.append('f');
            formatSpecNeedsFString = false;
        }
        formatArgs.append((char) quote);
        formatArgs.append(text, formatSpecStart + 1, text.length());
        text.setLength(formatSpecStart);
        formatArgs.append((char) quote).append(',');
    }

    private void appendQuotes(StringBuilder to) {
        for (int q = 0; q < numQuotes; q++) {
            to.append((char) quote);
        }
    }
}
