package freezer.core.mpy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Python's str.isprintable() as CPython 3.11 (Unicode 14) answers it. Java 17's own tables are
 * Unicode 13, which would escape letters that mpy-tool.py prints as they are (U+2C5F, for one).
 */
final class PrintableTable {
    private static final String RESOURCE = "printable-unicode-14.txt";
    /** Inclusive ranges, flattened: starts at even indices, ends at odd ones. */
    private static final int[] RANGES = load();

    private PrintableTable() {
    }

    static boolean isPrintable(int cp) {
        if (cp >= ' ' && cp < 0x7f) {
            return true;
        }
        int i = Arrays.binarySearch(RANGES, cp);
        // found: a start or an end; else the insertion point is odd inside a range
        return i >= 0 || (-i - 1) % 2 == 1;
    }

    private static int[] load() {
        try (InputStream in = PrintableTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            int[] ranges = new int[1024];
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (n + 2 > ranges.length) {
                    ranges = Arrays.copyOf(ranges, ranges.length * 2);
                }
                ranges[n++] = Integer.parseInt(line, 0, space, 16);
                ranges[n++] = Integer.parseInt(line, space + 1, line.length(), 16);
            }
            return Arrays.copyOf(ranges, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
