package freezer.image.manifest;

import java.util.Comparator;

/**
 * Strings in Python's {@code sorted()} order: by Unicode code point. {@link String#compareTo}
 * compares UTF-16 units, which puts characters beyond U+FFFF before U+E000..U+FFFF.
 */
enum CodePointOrder implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
