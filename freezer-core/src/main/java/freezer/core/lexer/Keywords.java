package freezer.core.lexer;

import java.util.HashMap;
import java.util.Map;

/** The names py/lexer.c turns into keyword tokens (its {@code tok_kw} table). */
final class Keywords {
    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        String[][] table = {
            {"False", "KW_FALSE"}, {"None", "KW_NONE"}, {"True", "KW_TRUE"}, {"__debug__", "KW___DEBUG__"},
            {"and", "KW_AND"}, {"as", "KW_AS"}, {"assert", "KW_ASSERT"}, {"async", "KW_ASYNC"},
            {"await", "KW_AWAIT"}, {"break", "KW_BREAK"}, {"class", "KW_CLASS"}, {"continue", "KW_CONTINUE"},
            {"def", "KW_DEF"}, {"del", "KW_DEL"}, {"elif", "KW_ELIF"}, {"else", "KW_ELSE"},
            {"except", "KW_EXCEPT"}, {"finally", "KW_FINALLY"}, {"for", "KW_FOR"}, {"from", "KW_FROM"},
            {"global", "KW_GLOBAL"}, {"if", "KW_IF"}, {"import", "KW_IMPORT"}, {"in", "KW_IN"},
            {"is", "KW_IS"}, {"lambda", "KW_LAMBDA"}, {"nonlocal", "KW_NONLOCAL"}, {"not", "KW_NOT"},
            {"or", "KW_OR"}, {"pass", "KW_PASS"}, {"raise", "KW_RAISE"}, {"return", "KW_RETURN"},
            {"try", "KW_TRY"}, {"while", "KW_WHILE"}, {"with", "KW_WITH"}, {"yield", "KW_YIELD"},
        };
        for (String[] entry : table) {
            KEYWORDS.put(entry[0], TokenKind.valueOf(entry[1]));
        }
    }

    private Keywords() {
    }

    /**
     * The kind of a name: its keyword, or NAME. {@code __debug__} is replaced by its value here,
     * as lexer.c does, so that the parser rejects {@code x.__debug__}: True unless optimising.
     */
    static TokenKind kindOf(String name, int optimisationLevel) {
        TokenKind kind = KEYWORDS.getOrDefault(name, TokenKind.NAME);
        if (kind == TokenKind.KW___DEBUG__) {
            return optimisationLevel == 0 ? TokenKind.KW_TRUE : TokenKind.KW_FALSE;
        }
        return kind;
    }
}
