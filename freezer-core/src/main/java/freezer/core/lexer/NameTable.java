package freezer.core.lexer;

/**
 * One String per distinct name in a file: the lexer hands the parser and compiler the same
 * instance for every occurrence of a name, so the many table lookups that follow hash each name
 * once and compare occurrences by identity. An open-addressing table looked up by the characters
 * being scanned, so an occurrence already seen makes no String at all.
 */
final class NameTable {
    private String[] slots = new String[256];
    private int count;

    /** The String for the characters in {@code text}, made on their first occurrence. */
    String intern(CharSequence text) {
        int length = text.length();
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int mask = slots.length - 1;
        for (int at = spread(hash) & mask;; at = (at + 1) & mask) {
            String s = slots[at];
            if (s == null) {
                String made = text.toString();
                slots[at] = made;
                if (++count * 2 > slots.length) {
                    grow();
                }
                return made;
            }
            if (s.length() == length && sameChars(s, text)) {
                return s;
            }
        }
    }

    private static boolean sameChars(String s, CharSequence text) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (s.charAt(i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private void grow() {
        String[] old = slots;
        slots = new String[old.length * 2];
        int mask = slots.length - 1;
        for (String s : old) {
            if (s != null) {
                int at = spread(s.hashCode()) & mask;
                while (slots[at] != null) {
                    at = (at + 1) & mask;
                }
                slots[at] = s;
            }
        }
    }
}
