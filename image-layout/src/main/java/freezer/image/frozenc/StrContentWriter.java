package freezer.image.frozenc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The MICROPY_MODULE_FROZEN_STR part that makemanifest.py writes (its
 * generate_frozen_str_content): the names macro, the sizes and the sources as C string
 * literals. Bytes {@code \n \r " \\} are escaped, 32 to 126 kept, the rest written {@code \xNN};
 * after a {@code \xNN} the next kept byte starts a new literal, since C would read on as hex.
 */
final class StrContentWriter {
    private StrContentWriter() {
    }

    static byte[] write(List<FrozenStr> modules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        put(out, "#include <stdint.h>\n");
        put(out, "#define MP_FROZEN_STR_NAMES \\\n");
        for (FrozenStr m : modules) {
            put(out, "\"");
            out.writeBytes(m.target().getBytes(StandardCharsets.UTF_8));
            put(out, "\\0\" \\\n");
        }
        put(out, "\n");
        put(out, "const uint32_t mp_frozen_str_sizes[] = { ");
        for (FrozenStr m : modules) {
            put(out, m.length() + ", ");
        }
        put(out, "0 };\n");
        put(out, "const char mp_frozen_str_content[] = {\n");
        for (FrozenStr m : modules) {
            put(out, "\"");
            boolean breakString = false;
            for (int i = 0; i < m.length(); i++) {
                int c = m.at(i) & 0xff;
                switch (c) {
                    case '\n' -> put(out, "\\n");
                    case '\r' -> put(out, "\\r");
                    case '"' -> put(out, "\\\"");
                    case '\\' -> put(out, "\\\\");
                    default -> {
                        if (c >= 32 && c <= 126) {
                            if (breakString) {
                                put(out, "\" \"");
                                breakString = false;
                            }
                            out.write(c);
                        } else {
                            put(out, String.format("\\x%02x", c));
                            breakString = true;
                        }
                    }
                }
            }
            put(out, "\\0\"\n");
        }
        put(out, "\"\\0\"\n};\n\n");
        return out.toByteArray();
    }

    private static void put(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.UTF_8));
    }
}
