package freezer.reports.advise;

import freezer.core.lexer.Lexer;
import freezer.core.lexer.Token;
import freezer.core.lexer.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's tokens, each with the byte offset where the source spells it (or -1 where it does
 * not, as for the tokens an f-string's {@code .format} call is made of). It gives identifiers
 * the positions the parse tree lacks.
 */
final class TokenIndex {
    private final List<Token> tokens = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private final byte[] source;

    TokenIndex(SourceText text, String path) {
        this.source = text.bytes();
        Lexer lex = new Lexer(path, source);
        while (lex.token().kind() != TokenKind.END) {
            Token t = lex.token();
            tokens.add(t);
            // the lexer keeps each token's byte offset; only one the bytes there spell is trusted
            offsets.add(text.spells(t.offset(), spelling(t)) ? t.offset() : -1);
            lex.next();
        }
        forgetFStringExpressions();
    }

    /**
     * The lexer turns {@code f"{x}"} into {@code "{}".format(x)} (and a t-string into a call of
     * {@code __template__}): the expressions' tokens point
     * into the string literal. An edit there could change what the program prints ({@code
     * f"{x=}"} prints the expression's own text), so those tokens get no offset, and the names
     * in them are never edited. The injected call is recognised by its {@code format}, which
     * the source does not spell where the lexer placed it.
     */
    private void forgetFStringExpressions() {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean format = i >= 2 && t.text().equals("format") && tokens.get(i - 1).kind() == TokenKind.DEL_PERIOD
                    && tokens.get(i - 2).kind() == TokenKind.STRING;
            // a t-string becomes __template__(...), which keeps each expression's text too
            boolean template = t.text().equals("__template__");
            if (t.kind() == TokenKind.NAME && (format || template) && offsets.get(i) < 0
                    && tokens.get(i + 1).kind() == TokenKind.DEL_PAREN_OPEN) {
                int close = closing(i + 1);
                for (int k = i + 1; k <= (close < 0 ? tokens.size() - 1 : close); k++) {
                    offsets.set(k, -1);
                }
            }
        }
    }

    /** A byte offset as freezer prints positions: line and column in characters (freezer.core.SourcePosition). */
    SourcePosition positionOf(int offset) {
        freezer.core.SourcePosition p = freezer.core.SourcePosition.of(source, offset);
        return new SourcePosition(p.line(), p.column(), offset);
    }

    /** What the source holds at a token's position, as far as the advice needs to check it. */
    private static String spelling(Token t) {
        return switch (t.kind()) {
            case NAME -> t.text();
            case DEL_PAREN_OPEN -> "(";
            case DEL_PAREN_CLOSE -> ")";
            case DEL_BRACKET_OPEN -> "[";
            case DEL_BRACKET_CLOSE -> "]";
            case DEL_BRACE_OPEN -> "{";
            case DEL_BRACE_CLOSE -> "}";
            case DEL_EQUAL -> "=";
            case KW_FOR -> "for";
            case KW_WHILE -> "while";
            case KW_ASYNC -> "async";
            default -> "";
        };
    }

    int size() {
        return tokens.size();
    }

    Token token(int i) {
        return tokens.get(i);
    }

    int offset(int i) {
        return offsets.get(i);
    }

    /**
     * The index of the token the source spells at byte {@code offset} (not an INDENT, DEDENT or
     * NEWLINE the lexer places there), or -1.
     */
    int at(int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            TokenKind k = tokens.get(i).kind();
            if (k != TokenKind.INDENT && k != TokenKind.DEDENT && k != TokenKind.NEWLINE && offsets.get(i) == offset) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the bracket closing the one opened at {@code open}, or -1. */
    int closing(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            TokenKind k = tokens.get(i).kind();
            if (k == TokenKind.DEL_PAREN_OPEN || k == TokenKind.DEL_BRACKET_OPEN || k == TokenKind.DEL_BRACE_OPEN) {
                depth++;
            } else if (k == TokenKind.DEL_PAREN_CLOSE || k == TokenKind.DEL_BRACKET_CLOSE
                    || k == TokenKind.DEL_BRACE_CLOSE) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Gives each occurrence the position of its NAME token: the n-th occurrence of a name in
     * source order is the n-th NAME token spelling it. A name whose counts differ (a const()
     * name the parser replaced by its value) or whose pairing does not hold together keeps no
     * positions at all, so nothing is ever placed on the wrong token.
     */
    void place(List<Occurrence> occurrences) {
        Map<String, List<Occurrence>> byName = new LinkedHashMap<>();
        for (Occurrence o : occurrences) {
            byName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
        }
        Map<String, List<Integer>> namesAt = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == TokenKind.NAME) {
                namesAt.computeIfAbsent(tokens.get(i).text(), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<String, List<Occurrence>> e : byName.entrySet()) {
            List<Occurrence> os = e.getValue();
            List<Integer> ts = namesAt.getOrDefault(e.getKey(), List.of());
            if (os.size() != ts.size() || !pairsHold(os, ts)) {
                continue;
            }
            for (int i = 0; i < os.size(); i++) {
                os.get(i).setPosition(positionOf(offsets.get(ts.get(i))));
            }
        }
        for (Occurrence o : occurrences) {
            if (!o.position().known() && o.statement() != null) {
                // shown at its statement, but never edited
                SourcePosition at = positionOf(o.statement().offset());
                o.setPosition(new SourcePosition(at.line(), at.column(), -1));
            }
        }
    }

    private boolean pairsHold(List<Occurrence> os, List<Integer> ts) {
        for (int i = 0; i < os.size(); i++) {
            int at = offsets.get(ts.get(i));
            var s = os.get(i).statement();
            if (at < 0 || s != null && at < s.offset()) {
                return false;
            }
        }
        return true;
    }
}
