package freezer.image.romfs;

import java.nio.charset.StandardCharsets;

/** Entry names: the ASCII rule of make_romfs, and how a name of any bytes is shown to a user. */
public final class RomfsNames {
    private RomfsNames() {
    }

    /** The index of the first character outside ASCII, or -1 when there is none. */
    public static int firstNonAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return i;
            }
        }
        return -1;
    }

    static void requireAscii(String name) {
        int at = firstNonAscii(name);
        if (at >= 0) {
            throw new IllegalArgumentException("ROMFS names are ASCII; '" + name + "' is not (index " + at + ")");
        }
    }

    static byte[] bytes(String asciiName) {
        return asciiName.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A name from an image as text: UTF-8 where the bytes are UTF-8, {@code \xNN} for every
     * other byte and for control characters and the backslash, so any name prints on one line
     * and two different names never print alike.
     */
    public static String display(byte[] name) {
        StringBuilder sb = new StringBuilder(name.length);
        int i = 0;
        while (i < name.length) {
            int b = name[i] & 0xff;
            int len = utf8Length(name, i);
            if (len > 1) {
                sb.append(new String(name, i, len, StandardCharsets.UTF_8));
                i += len;
            } else if (b >= 0x20 && b < 0x7f && b != '\\') {
                sb.append((char) b);
                i++;
            } else {
                sb.append(String.format("\\x%02x", b));
                i++;
            }
        }
        return sb.toString();
    }

    /** The length of a well-formed multi-byte UTF-8 sequence of a printable character at i, else 0. */
    private static int utf8Length(byte[] s, int i) {
        int b = s[i] & 0xff;
        int len;
        int cp;
        if (b >= 0xc2 && b <= 0xdf) {
            len = 2;
            cp = b & 0x1f;
        } else if (b >= 0xe0 && b <= 0xef) {
            len = 3;
            cp = b & 0x0f;
        } else if (b >= 0xf0 && b <= 0xf4) {
            len = 4;
            cp = b & 0x07;
        } else {
            return 0;
        }
        if (i + len > s.length) {
            return 0;
        }
        for (int k = 1; k < len; k++) {
            int c = s[i + k] & 0xff;
            if ((c & 0xc0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (c & 0x3f);
        }
        boolean overlong = len == 3 && cp < 0x800 || len == 4 && cp < 0x10000;
        boolean surrogate = cp >= 0xd800 && cp <= 0xdfff;
        if (overlong || surrogate || cp > 0x10ffff || Character.isISOControl(cp)) {
            return 0;
        }
        return len;
    }
}
