package freezer.image.layout;

import freezer.image.map.ItemKind;

/**
 * One object frozen C defines (or one string literal it uses), in file order, with whom it
 * belongs to.
 *
 * @param name the C symbol; null for a string literal
 * @param kind what it is, for the map
 * @param type its C type
 * @param refs what its initializer points at
 * @param presence when it is compiled at all
 * @param unit the index of the unit (module) it belongs to, or -1 for shared objects
 * @param function the C name of the function it belongs to, or null for module-level and shared objects
 * @param detail what it holds, for people (a literal's text, a constant's value); may be null
 */
public record CObject(String name, ItemKind kind, CType type, Refs refs, Presence presence, int unit, String function,
        String detail) {
}
