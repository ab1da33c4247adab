package freezer.reports.advise;

/**
 * Where something is in a source file: line and column as freezer's lexer counts them (so a
 * finding and a compile error point the same way), and the byte offset an edit needs.
 */
public record SourcePosition(int line, int column, int offset) {
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0, -1);

    public boolean known() {
        return offset >= 0;
    }
}
