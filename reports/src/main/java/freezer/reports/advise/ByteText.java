package freezer.reports.advise;

import freezer.core.ByteStrings;

/** Names and source text are byte strings inside freezer (see ByteStrings); reports show them as text. */
final class ByteText {
    private ByteText() {
    }

    static String text(String byteString) {
        return ByteStrings.toText(byteString);
    }

    /** The text in backquotes, as the messages quote code. */
    static String quote(String byteString) {
        return "`" + text(byteString) + "`";
    }
}
