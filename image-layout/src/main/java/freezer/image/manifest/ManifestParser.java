package freezer.image.manifest;

import freezer.core.CompileError;
import freezer.core.ErrorType;
import freezer.core.SourcePosition;
import freezer.core.lexer.Lexer;
import freezer.core.lexer.Token;
import freezer.core.lexer.TokenKind;
import freezer.core.parse.InternedStrings;
import freezer.core.parse.ParseNode;
import freezer.core.parse.Parser;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Parses a manifest with freezer's own lexer and parser (MicroPython's grammar), so a manifest
 * is read exactly as a module would be and never handed to a Python interpreter.
 *
 * <p>A bare "invalid syntax" is refined as CPython 3.10+ refines it, by a look at the brackets of
 * the whole file: an unclosed bracket is reported where it opens ("'(' was never closed"), which
 * is where the mistake usually is, rather than at the next line where the parser gave up.
 */
final class ManifestParser {
    /** Wide enough that every int literal is a small int or an exact constant. */
    private static final int SMALL_INT_BITS = 63;

    private ManifestParser() {
    }

    static ParseNode parse(Path manifest, byte[] source) {
        try {
            return Parser.parseFile(new Lexer(manifest.toString(), source), new InternedStrings(), SMALL_INT_BITS);
        } catch (CompileError e) {
            ManifestError brackets = e.type() == ErrorType.SyntaxError && e.message().equals("invalid syntax")
                    ? bracketError(manifest, source) : null;
            if (brackets != null) {
                throw brackets;
            }
            String message = e.type() == ErrorType.SyntaxError ? e.message() : e.type() + ": " + e.message();
            throw new ManifestError(ManifestErrorKind.SYNTAX, message,
                    new ManifestOrigin(manifest, e.line(), column(source, e.line(), e.offset())));
        }
    }

    /** The first bracket fault of the file, or null when its brackets match. */
    private static ManifestError bracketError(Path manifest, byte[] source) {
        Deque<Token> open = new ArrayDeque<>();
        Lexer lex = new Lexer(manifest.toString(), source);
        for (Token t = lex.token(); t.kind() != TokenKind.END; lex.next(), t = lex.token()) {
            char closer = closerOf(t.kind());
            if (closer != 0) {
                open.push(t);
                continue;
            }
            char c = closing(t.kind());
            if (c == 0) {
                continue;
            }
            if (open.isEmpty()) {
                return error(manifest, source, t, "unmatched '" + c + "'");
            }
            Token opener = open.pop();
            if (closerOf(opener.kind()) != c) {
                return error(manifest, source, t, "closing parenthesis '" + c + "' does not match opening parenthesis '"
                        + openerChar(opener.kind()) + "'" + (opener.line() != t.line() ? " on line " + opener.line()
                        : ""));
            }
        }
        if (!open.isEmpty()) {
            Token first = open.peek();
            return error(manifest, source, first, "'" + openerChar(first.kind()) + "' was never closed");
        }
        return null;
    }

    private static ManifestError error(Path manifest, byte[] source, Token at, String message) {
        return new ManifestError(ManifestErrorKind.SYNTAX, message, new ManifestOrigin(manifest, at.line(),
                column(source, at.line(), at.offset())));
    }

    /**
     * The column in characters (code points, a tab one: {@link SourcePosition}) of a source offset
     * on {@code line}; 1 when the offset is unknown or on another line.
     */
    static int column(byte[] source, int line, int offset) {
        if (offset < 0) {
            return 1;
        }
        SourcePosition p = SourcePosition.of(source, offset);
        return p.line() == line ? p.column() : 1;
    }

    private static char closerOf(TokenKind k) {
        return switch (k) {
            case DEL_PAREN_OPEN -> ')';
            case DEL_BRACKET_OPEN -> ']';
            case DEL_BRACE_OPEN -> '}';
            default -> 0;
        };
    }

    private static char openerChar(TokenKind k) {
        return switch (k) {
            case DEL_PAREN_OPEN -> '(';
            case DEL_BRACKET_OPEN -> '[';
            default -> '{';
        };
    }

    private static char closing(TokenKind k) {
        return switch (k) {
            case DEL_PAREN_CLOSE -> ')';
            case DEL_BRACKET_CLOSE -> ']';
            case DEL_BRACE_CLOSE -> '}';
            default -> 0;
        };
    }
}
