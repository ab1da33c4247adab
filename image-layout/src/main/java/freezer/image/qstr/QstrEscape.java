package freezer.image.qstr;

import freezer.core.mpy.MpyToolText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * py/makeqstrdata.py's qstr_escape: the C identifier part of {@code MP_QSTR_<ident>}. ASCII
 * letters, digits and {@code _} stay; every other character becomes {@code _name_} with the name
 * from the bundled table ({@code qstr-escape-names.txt}), or {@code _0xNN_} with its code point
 * in hex.
 */
public final class QstrEscape {
    private static final Map<Integer, String> NAMES = load();

    private QstrEscape() {
    }

    /** The identifier of the str a byte string spells in UTF-8 (decoded as mpy-tool.py decodes it). */
    public static String identifier(String byteString) {
        StringBuilder b = new StringBuilder(byteString.length() + 8);
        for (int cp : MpyToolText.codePoints(byteString)) {
            if (cp < 0x80 && isPlain(cp)) {
                b.append((char) cp);
                continue;
            }
            String name = NAMES.get(cp);
            b.append('_');
            if (name != null) {
                b.append(name);
            } else {
                String hex = Integer.toHexString(cp);
                b.append("0x").append(hex.length() < 2 ? "0" : "").append(hex);
            }
            b.append('_');
        }
        return b.toString();
    }

    /** makeqstrdata.py's RE_NO_ESCAPE: {@code [a-zA-Z0-9_]}. */
    private static boolean isPlain(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static Map<Integer, String> load() {
        Map<Integer, String> names = new HashMap<>();
        try (InputStream in = QstrEscape.class.getResourceAsStream("qstr-escape-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource qstr-escape-names.txt");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int sp = line.indexOf(' ');
                names.put(Integer.parseInt(line.substring(0, sp)), line.substring(sp + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
