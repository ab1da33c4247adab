package freezer.image.romfs;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

/**
 * A file name's bytes on disk, whatever the JVM's locale. The JVM decodes names with the
 * locale's charset (under C or POSIX every byte past 0x7f becomes U+FFFD), but a path keeps
 * the bytes it was listed with and its URI spells them out, percent-encoded.
 */
final class FileNames {
    private FileNames() {
    }

    /** The bytes of the path's last component, as the directory listing gave them. */
    static byte[] bytes(Path file) {
        String uri = file.toUri().getRawPath();
        int end = uri.endsWith("/") && uri.length() > 1 ? uri.length() - 1 : uri.length();
        int start = uri.lastIndexOf('/', end - 1) + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            char ch = uri.charAt(i);
            if (ch == '%' && i + 2 < end) {
                out.write(Integer.parseInt(uri.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(ch);
            }
        }
        return out.toByteArray();
    }

    /** Whether every byte is ASCII. */
    static boolean isAscii(byte[] name) {
        for (byte b : name) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
