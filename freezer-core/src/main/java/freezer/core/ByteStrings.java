package freezer.core;

import java.nio.charset.StandardCharsets;

/**
 * MicroPython's lexer, qstrs and string constants work on bytes, not characters (a string
 * literal may hold bytes that are not valid UTF-8, and they are copied as they are). freezer
 * keeps such byte strings in Java {@code String}s holding one char per byte (ISO-8859-1), so
 * they are immutable, hashable and cheap to compare; these helpers convert at the edges.
 */
public final class ByteStrings {
    private ByteStrings() {
    }

    /** The byte string holding exactly these bytes. */
    public static String of(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    public static String of(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The bytes a byte string holds. */
    public static byte[] bytes(String byteString) {
        return byteString.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The byte string of a text's UTF-8 encoding. */
    public static String fromText(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text a byte string's bytes spell in UTF-8 (invalid sequences become U+FFFD). */
    public static String toText(String byteString) {
        return new String(bytes(byteString), StandardCharsets.UTF_8);
    }
}
