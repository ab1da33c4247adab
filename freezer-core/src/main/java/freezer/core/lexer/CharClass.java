package freezer.core.lexer;

/**
 * The byte classes the lexer tests, as py/unicode.c defines them: ASCII only, so a byte of 0x80
 * or above is never a letter, digit or space (the lexer lets such bytes into names instead).
 */
final class CharClass {
    private CharClass() {
    }

    /** Space, tab, LF, VT, FF and CR. */
    static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isOctalDigit(int c) {
        return c >= '0' && c <= '7';
    }

    static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static int hexValue(int c) {
        return isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    /** Any byte with the high bit set may start a name, so UTF-8 names pass through whole. */
    static boolean isNameStart(int c) {
        return isLetter(c) || c == '_' || c >= 0x80;
    }

    static boolean isNamePart(int c) {
        return isNameStart(c) || isDigit(c);
    }
}
