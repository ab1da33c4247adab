package freezer.image.manifest;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code str.split()} without arguments: words between runs of whitespace. */
final class PythonSplit {
    private PythonSplit() {
    }

    static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(s.substring(start, i));
            }
        }
        return words;
    }

    /** str.isspace for one character (Unicode whitespace, and the separators \x1c to \x1f). */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
