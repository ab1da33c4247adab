package freezer.reports.advise;

import freezer.core.lexer.TokenKind;

/**
 * Where the pieces of source an edit touches begin and end, found from the tokens and checked
 * against the bytes. Each method returns -1 (or null) rather than guess.
 */
final class Extents {
    private final SourceText text;
    private final TokenIndex tokens;

    Extents(SourceText text, TokenIndex tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** The index of the token an occurrence was placed on, or -1. */
    int tokenOf(Occurrence o) {
        if (!o.position().known()) {
            return -1;
        }
        return tokens.at(o.position().offset());
    }

    /**
     * For {@code NAME = value} with the name's occurrence, the byte range of the value up to the
     * end of the statement (before a comment, a {@code ;} or the line break), or null. Only
     * values without string literals are measured, so a {@code #} or quote is never misread.
     */
    int[] assignedValue(Occurrence target) {
        int i = tokenOf(target);
        if (i < 0 || i + 2 >= tokens.size() || tokens.token(i + 1).kind() != TokenKind.DEL_EQUAL) {
            return null;
        }
        int start = tokens.offset(i + 2);
        if (start < 0 || tokens.offset(i + 1) < 0) {
            return null;
        }
        int depth = 0;
        int at = start;
        int end = -1;
        while (at < text.length()) {
            int c = text.byteAt(at);
            if (c == '\'' || c == '"') {
                return null;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '\\' && at + 1 < text.length() && (text.byteAt(at + 1) == '\n' || text.byteAt(at + 1) == '\r')) {
                at += 2;
                continue;
            } else if (depth == 0 && (c == '#' || c == ';' || c == '\n' || c == '\r')) {
                end = at;
                break;
            }
            at++;
        }
        if (end < 0) {
            end = text.length();
        }
        while (end > start && (text.byteAt(end - 1) == ' ' || text.byteAt(end - 1) == '\t')) {
            end--;
        }
        return end > start && depth == 0 ? new int[] {start, end} : null;
    }

    /**
     * For {@code NAME = [ ... ]}, the token indices of the brackets, or null.
     */
    int[] assignedBrackets(Occurrence target) {
        int i = tokenOf(target);
        if (i < 0 || i + 2 >= tokens.size() || tokens.token(i + 1).kind() != TokenKind.DEL_EQUAL
                || tokens.token(i + 2).kind() != TokenKind.DEL_BRACKET_OPEN) {
            return null;
        }
        int close = tokens.closing(i + 2);
        if (close < 0 || tokens.offset(i + 2) < 0 || tokens.offset(close) < 0
                || tokens.token(close).kind() != TokenKind.DEL_BRACKET_CLOSE) {
            return null;
        }
        return new int[] {i + 2, close};
    }

    /**
     * The offset of the start of a statement's line and its indentation, when the statement
     * begins the line (nothing but spaces and tabs before it), or null.
     */
    LineStart lineStartOf(int offset, TokenKind... firstToken) {
        int i = tokens.at(offset);
        if (i < 0) {
            return null;
        }
        boolean kindMatches = false;
        for (TokenKind k : firstToken) {
            kindMatches |= tokens.token(i).kind() == k;
        }
        int at = tokens.offset(i);
        int start = text.lineStart(text.lineOf(at));
        for (int p = start; p < at; p++) {
            int c = text.byteAt(p);
            if (c != ' ' && c != '\t') {
                return null;
            }
        }
        return kindMatches ? new LineStart(start, text.slice(start, at), text.lineBreak(text.lineOf(at))) : null;
    }

    record LineStart(int offset, String indent, String lineBreak) {
    }

    byte[] bytes() {
        return text.bytes();
    }

    SourceText text() {
        return text;
    }

    TokenIndex tokens() {
        return tokens;
    }

    /** Whether any NAME token of the module spells {@code name}. */
    boolean nameUsed(String name) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.token(i).kind() == TokenKind.NAME && tokens.token(i).text().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
