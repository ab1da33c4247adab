package freezer.image.map;

/**
 * One piece of the image: a named C object, a string literal, or a ROMFS record part.
 *
 * @param name the C symbol ({@code fun_data_mod_f}, {@code __compound_literal.3}); null for a
 *     string literal or a ROMFS part
 * @param kind what it is
 * @param section the section it lands in
 * @param size its bytes in that section (a string literal: its length plus the NUL; a machine
 *     code array: rounded up to its alignment)
 * @param offset where it starts in the image (ROMFS); null where the linker decides (frozen C)
 * @param detail what it holds, for people (a string literal's text, a constant's value); may be null
 */
public record MapItem(String name, ItemKind kind, String section, long size, Long offset, String detail) {
}
