package freezer.reports.advise;

import java.util.List;

/**
 * One import, as written: {@code import a.b.c [as d]} or {@code from [.]m import x [as y], ...}.
 *
 * @param from whether it is a {@code from ... import}
 * @param level the number of leading dots of a relative import (0 for absolute)
 * @param module the dotted module name as written after the dots (may be empty: {@code from . import x})
 * @param names for {@code from} imports, the names taken; {@code *} for a star import; empty otherwise
 */
public record ImportStatement(boolean from, int level, String module, List<String> names) {
    public ImportStatement {
        names = List.copyOf(names);
    }

    public boolean star() {
        return names.contains("*");
    }
}
