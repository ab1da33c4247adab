package freezer.reports.advise;

/**
 * Where something is in a source file: line and column as freezer prints every position
 * (freezer.core.SourcePosition: columns in characters, so a finding and a compile error point
 * the same way), and the byte offset an edit needs.
 */
public record SourcePosition(int line, int column, int offset) {
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0, -1);

    /** Whether the byte offset is known, so an edit can be made there (a shown line alone is not enough). */
    public boolean known() {
        return offset >= 0;
    }
}
