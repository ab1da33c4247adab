package freezer.core.lexer;

import static freezer.core.lexer.TokenKind.*;

import java.util.HashMap;
import java.util.Map;

/**
 * The delimiters and operators, as py/lexer.c's {@code tok_enc} table spells them. lexer.c
 * extends a match one byte at a time; because every operator's prefixes are operators too (but
 * for {@code ...} and {@code !=}, which it special-cases the same way), taking the longest
 * operator among the next three bytes gives the same token.
 */
final class Operators {
    private static final Map<String, TokenKind> OPERATORS = new HashMap<>();

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
            OPERATORS.put((String) table[i], (TokenKind) table[i + 1]);
        }
    }

    private Operators() {
    }

    /** The longest operator the bytes {@code c0 c1 c2} start with, or null if none does. */
    static String longestAt(int c0, int c1, int c2) {
        char[] chars = {(char) c0, (char) c1, (char) c2};
        for (int length = 3; length >= 1; length--) {
            String candidate = new String(chars, 0, length);
            if (OPERATORS.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static TokenKind kindOf(String operator) {
        return OPERATORS.get(operator);
    }
}
