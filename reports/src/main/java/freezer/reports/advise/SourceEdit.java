package freezer.reports.advise;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A change to a source file: byte ranges replaced by new text (UTF-8). The ranges never overlap;
 * an insertion is an empty range.
 */
public record SourceEdit(List<Replacement> replacements) {
    /** Bytes {@code start} to {@code end} (exclusive) become {@code text}. */
    public record Replacement(int start, int end, String text) {
        public Replacement {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad range " + start + ".." + end);
            }
        }
    }

    public SourceEdit {
        List<Replacement> sorted = new ArrayList<>(replacements);
        sorted.sort(Comparator.comparingInt(Replacement::start).thenComparingInt(Replacement::end));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start() < sorted.get(i - 1).end()) {
                throw new IllegalArgumentException("overlapping replacements " + sorted);
            }
        }
        replacements = List.copyOf(sorted);
    }

    /** The source with every replacement made. */
    public byte[] apply(byte[] source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length + 64);
        int at = 0;
        for (Replacement r : replacements) {
            out.write(source, at, r.start() - at);
            out.writeBytes(r.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            at = r.end();
        }
        out.write(source, at, source.length - at);
        return out.toByteArray();
    }
}
