package freezer.reports.advise;

/**
 * A name in a module's globals dict after import: one slot, a key and a value.
 *
 * @param how what binds it first: {@code def}, {@code class}, {@code import}, {@code assignment} ...
 */
public record GlobalName(String name, int line, int column, String how) {
}
