package freezer.core.mpy;

import java.util.ArrayList;
import java.util.List;

/**
 * Which part of a .mpy each byte belongs to (the header, a qstr, a constant, a part of a
 * function), recorded while reading, so a report can say what a byte offset means.
 */
final class MpyMap {
    /**
     * One part: bytes {@code [start, end)}.
     *
     * @param function the function it belongs to ("name (path)"), or null for the file's tables
     * @param part what it is ("qstr 3 'foo'", "instruction at bytecode offset 12: LOAD_NAME print")
     */
    record Span(long start, long end, String function, String part) {
        String describe() {
            return function == null ? part : "function " + function + ", " + part;
        }
    }

    private final List<Span> spans = new ArrayList<>();

    void add(long start, long end, String function, String part) {
        spans.add(new Span(start, end, function, part));
    }

    List<Span> spans() {
        return spans;
    }

    /** The part holding the byte at offset, or the last part when offset is past the end. */
    Span at(long offset) {
        Span best = null;
        for (Span s : spans) {
            if (s.start() <= offset && offset < s.end() && (best == null || s.end() - s.start() <= best.end() - best.start())) {
                best = s;
            }
        }
        if (best == null && !spans.isEmpty()) {
            Span last = spans.get(spans.size() - 1);
            if (offset >= last.end()) {
                return last;
            }
        }
        return best;
    }
}
