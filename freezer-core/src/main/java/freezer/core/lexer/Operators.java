package freezer.core.lexer;

import static freezer.core.lexer.TokenKind.*;

/**
 * The delimiters and operators, as py/lexer.c's {@code tok_enc} table spells them. lexer.c
 * extends a match one byte at a time; because every operator's prefixes are operators too (but
 * for {@code ...} and {@code !=}, which it special-cases the same way), taking the longest
 * operator among the next three bytes gives the same token.
 */
final class Operators {
    /** A trie over the operators' bytes: the operator ending here, if any, and where each next byte leads. */
    private static final class Node {
        TokenKind kind;
        final Node[] next = new Node[128];
    }

    private static final Node ROOT = new Node();
    private static final int[] LENGTH = new int[TokenKind.values().length];

    static {
        Object[] table = {
            "(", DEL_PAREN_OPEN, ")", DEL_PAREN_CLOSE, "[", DEL_BRACKET_OPEN, "]", DEL_BRACKET_CLOSE,
            "{", DEL_BRACE_OPEN, "}", DEL_BRACE_CLOSE, ",", DEL_COMMA, ";", DEL_SEMICOLON, "~", OP_TILDE,
            ":", DEL_COLON, ":=", OP_ASSIGN,
            "<", OP_LESS, "<=", OP_LESS_EQUAL, "<<", OP_DBL_LESS, "<<=", DEL_DBL_LESS_EQUAL,
            ">", OP_MORE, ">=", OP_MORE_EQUAL, ">>", OP_DBL_MORE, ">>=", DEL_DBL_MORE_EQUAL,
            "*", OP_STAR, "*=", DEL_STAR_EQUAL, "**", OP_DBL_STAR, "**=", DEL_DBL_STAR_EQUAL,
            "+", OP_PLUS, "+=", DEL_PLUS_EQUAL,
            "-", OP_MINUS, "-=", DEL_MINUS_EQUAL, "->", DEL_MINUS_MORE,
            "&", OP_AMPERSAND, "&=", DEL_AMPERSAND_EQUAL,
            "|", OP_PIPE, "|=", DEL_PIPE_EQUAL,
            "/", OP_SLASH, "/=", DEL_SLASH_EQUAL, "//", OP_DBL_SLASH, "//=", DEL_DBL_SLASH_EQUAL,
            "%", OP_PERCENT, "%=", DEL_PERCENT_EQUAL,
            "^", OP_CARET, "^=", DEL_CARET_EQUAL,
            "@", OP_AT, "@=", DEL_AT_EQUAL,
            "=", DEL_EQUAL, "==", OP_DBL_EQUAL,
            "!=", OP_NOT_EQUAL,
            ".", DEL_PERIOD, "...", ELLIPSIS,
        };
        for (int i = 0; i < table.length; i += 2) {
            String spelling = (String) table[i];
            TokenKind kind = (TokenKind) table[i + 1];
            Node node = ROOT;
            for (char c : spelling.toCharArray()) {
                if (node.next[c] == null) {
                    node.next[c] = new Node();
                }
                node = node.next[c];
            }
            node.kind = kind;
            LENGTH[kind.ordinal()] = spelling.length();
        }
    }

    private Operators() {
    }

    /** The longest operator the bytes {@code c0 c1 c2} start with, or null if none does. */
    static TokenKind longestAt(int c0, int c1, int c2) {
        Node one = step(ROOT, c0);
        Node two = step(one, c1);
        Node three = step(two, c2);
        if (three != null && three.kind != null) {
            return three.kind;
        } else if (two != null && two.kind != null) {
            return two.kind;
        }
        return one != null ? one.kind : null;
    }

    private static Node step(Node node, int c) {
        return node != null && c < 128 ? node.next[c] : null;
    }

    /** How many bytes an operator's spelling has. */
    static int length(TokenKind operator) {
        return LENGTH[operator.ordinal()];
    }
}
