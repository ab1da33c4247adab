package freezer.core.lexer;

import freezer.core.CompileError;

/**
 * Turns a source file's bytes into tokens, one at a time, exactly as py/lexer.c does for
 * mpy-cross (f-strings and t-strings on, str with unicode): the parser pulls a token with
 * {@link #next()} and reads it with {@link #token()}.
 *
 * <p>Errors in the input are tokens (INVALID, DEDENT_MISMATCH, LONELY_STRING_OPEN,
 * MALFORMED_FSTRING) that the parser reports; the lexer itself throws only the
 * {@code NotImplementedError} of a {@code \N{...}} escape, as a {@link freezer.core.CompileError}.
 * After END, every further token is END.
 */
public final class Lexer {
    private final String sourceName;
    private final int optimisationLevel;
    private final SourceStream in;
    private final StringBuilder text = new StringBuilder();
    private final StringLiteralScanner strings;
    private final IndentLevels indents = new IndentLevels();
    private final NameTable names = new NameTable();

    /** INDENT (positive) or DEDENT (negative) tokens still to be emitted. */
    private int pendingDents;
    /** Open brackets; newlines inside them are not tokens. Like lexer.c's, it may go negative. */
    private long bracketDepth;
    private Token token;
    /** The token after {@link #token}, once {@link #peekKind} has lexed it (or the error it raised). */
    private Token ahead;
    private CompileError aheadError;

    /** A lexer for mpy-cross's default optimisation level, 0. */
    public Lexer(String sourceName, byte[] source) {
        this(sourceName, source, 0);
    }

    /**
     * A lexer positioned on the first token, as {@code mp_lexer_new} leaves it.
     *
     * @param optimisationLevel mpy-cross's {@code -O} level; it decides the value of {@code __debug__}
     */
    public Lexer(String sourceName, byte[] source, int optimisationLevel) {
        this.sourceName = sourceName;
        this.optimisationLevel = optimisationLevel;
        this.in = new SourceStream(source);
        this.strings = new StringLiteralScanner(in, text, sourceName);
        next();
        // a first token not in column 1 becomes INDENT, so the parser reports "unexpected indent"
        if (token.column() != 1 && token.kind() != TokenKind.NEWLINE) {
            token = new Token(TokenKind.INDENT, token.text(), token.line(), token.column(), token.offset());
        }
    }

    public String sourceName() {
        return sourceName;
    }

    /** The current token. */
    public Token token() {
        return token;
    }

    /** Moves to the next token ({@code mp_lexer_to_next}). */
    public void next() {
        if (ahead != null) {
            token = ahead;
            ahead = null;
        } else if (aheadError != null) {
            CompileError e = aheadError;
            aheadError = null;
            throw e;
        } else {
            token = scan();
        }
    }

    /**
     * The kind of the token after the current one, lexed ahead of time (lexer.c has no lookahead;
     * the parser uses it only to skip steps whose outcome it already knows). An error in that
     * token is raised when {@link #next} moves to it, as lexer.c raises it; until then it reads
     * as INVALID.
     */
    public TokenKind peekKind() {
        if (ahead == null && aheadError == null) {
            try {
                ahead = scan();
            } catch (CompileError e) {
                aheadError = e;
            }
        }
        return ahead != null ? ahead.kind() : TokenKind.INVALID;
    }

    private Token scan() {
        text.setLength(0);
        // a NEWLINE token sits at the end of its line: skip only up to the line break first
        boolean hadNewline = skipWhitespace(true);
        int line = in.line();
        int column = in.column();
        int offset = in.offset();
        TokenKind kind;
        String value = null;
        if (pendingDents < 0) {
            kind = TokenKind.DEDENT;
            pendingDents++;
        } else if (pendingDents > 0) {
            kind = TokenKind.INDENT;
            pendingDents--;
        } else if (hadNewline) {
            kind = scanNewline();
            if (kind == TokenKind.DEDENT_MISMATCH) {
                // lexer.c's position is the end of the line before; the fault is this line's indent
                offset = in.offset();
            }
        } else if (in.isEnd()) {
            kind = TokenKind.END;
        } else if (StringPrefix.at(in.current(), in.next1(), in.next2()) != null) {
            kind = scanStrings();
        } else if (CharClass.isNameStart(in.current())) {
            value = scanName();
            kind = Keywords.kindOf(value, optimisationLevel);
        } else if (CharClass.isDigit(in.current()) || (in.at('.') && CharClass.isDigit(in.next1()))) {
            kind = scanNumber();
        } else {
            kind = scanOperator();
        }
        if (value == null) {
            value = text.length() == 0 ? "" : text.toString();
        }
        return new Token(kind, value, line, column, offset);
    }

    /**
     * Skips spaces, comments and escaped line breaks, and line breaks too unless
     * {@code stopAtNewline} and no bracket is open. Returns whether it stopped at a line break.
     */
    private boolean skipWhitespace(boolean stopAtNewline) {
        while (!in.isEnd()) {
            if (in.at('\n')) {
                if (stopAtNewline && bracketDepth == 0) {
                    return true;
                }
                in.advance();
            } else if (CharClass.isSpace(in.current())) {
                in.advance();
            } else if (in.at('#')) {
                while (!in.isEnd() && !in.at('\n')) {
                    in.advance();
                }
            } else if (in.atPair('\\', '\n')) {
                in.advance();
                in.advance();
            } else {
                break;
            }
        }
        return false;
    }

    /** At a line break: skips to the next token and compares its column with the open blocks. */
    private TokenKind scanNewline() {
        skipWhitespace(false);
        int indent = in.column() - 1;
        if (indent > indents.top()) {
            indents.push(indent);
            pendingDents++;
        } else if (indent < indents.top()) {
            while (indent < indents.top()) {
                indents.pop();
                pendingDents--;
            }
            if (indent != indents.top()) {
                return TokenKind.DEDENT_MISMATCH;
            }
        }
        return TokenKind.NEWLINE;
    }

    /**
     * Adjacent literals are one token (lexer.c joins them here, not the parser), until a bytes
     * literal meets a str one. The arguments of any f-string or t-string among them are then
     * injected into the input.
     */
    private TokenKind scanStrings() {
        strings.begin();
        boolean hadTemplate = false;
        StringPrefix prefix = StringPrefix.at(in.current(), in.next1(), in.next2());
        do {
            hadTemplate |= prefix.template();
            if (strings.kind() == TokenKind.END) {
                strings.setKind(prefix.kind());
            } else if (strings.kind() != prefix.kind()) {
                break;
            }
            for (int i = 0; i < prefix.length(); i++) {
                in.advance();
            }
            strings.scanLiteral(prefix);
            skipWhitespace(true);
            prefix = StringPrefix.at(in.current(), in.next1(), in.next2());
        } while (prefix != null);

        PlacedText args = strings.formatArgs();
        if (hadTemplate) {
            // the literal parts become the first argument of __template__(...)
            text.append(",),");
            args.insert(0, text);
            if (strings.kind().compareTo(TokenKind.MALFORMED_FSTRING) > 0) {
                strings.setKind(TokenKind.NAME);
                text.setLength(0);
                text.append("__template__");
            }
        }
        if (args.length() > 0) {
            args.append(')');
            in.inject(args, args.offsets());
            args.setLength(0);
        }
        return strings.kind();
    }

    private String scanName() {
        do {
            text.append((char) in.current());
            in.advance();
        } while (!in.isEnd() && CharClass.isNamePart(in.current()));
        return names.intern(text);
    }

    /**
     * Takes letters, digits, dots and exponent signs; underscores are dropped and the exponent
     * marker is written 'e'. A dot, 'j' or exponent makes FLOAT_OR_IMAG, but 'e' is a digit after
     * a 0x / 0o / 0b prefix. Whether the text is a valid number is left to the parser.
     */
    private TokenKind scanNumber() {
        TokenKind kind;
        boolean forcedInteger = false;
        if (in.at('.')) {
            kind = TokenKind.FLOAT_OR_IMAG;
        } else {
            kind = TokenKind.INTEGER;
            int base = in.next1() | 0x20;
            forcedInteger = in.at('0') && (base == 'b' || base == 'o' || base == 'x');
        }
        text.append((char) in.current());
        in.advance();
        while (!in.isEnd()) {
            int c = in.current();
            if (!forcedInteger && (c == 'e' || c == 'E')) {
                kind = TokenKind.FLOAT_OR_IMAG;
                text.append('e');
                in.advance();
                if (in.at('+') || in.at('-')) {
                    text.append((char) in.current());
                    in.advance();
                }
            } else if (CharClass.isLetter(c) || CharClass.isDigit(c) || c == '.') {
                if (c == '.' || c == 'j' || c == 'J') {
                    kind = TokenKind.FLOAT_OR_IMAG;
                }
                text.append((char) c);
                in.advance();
            } else if (c == '_') {
                in.advance();
            } else {
                break;
            }
        }
        return kind;
    }

    private TokenKind scanOperator() {
        TokenKind kind = Operators.longestAt(in.current(), in.next1(), in.next2());
        if (kind == null) {
            // a byte that starts no token ('$', '?', a lone '!', ...) is one INVALID token
            in.advance();
            return TokenKind.INVALID;
        }
        for (int i = Operators.length(kind); i > 0; i--) {
            in.advance();
        }
        switch (kind) {
            case DEL_PAREN_OPEN:
            case DEL_BRACKET_OPEN:
            case DEL_BRACE_OPEN:
                bracketDepth++;
                break;
            case DEL_PAREN_CLOSE:
            case DEL_BRACKET_CLOSE:
            case DEL_BRACE_CLOSE:
                bracketDepth--;
                break;
            default:
                break;
        }
        return kind;
    }
}
