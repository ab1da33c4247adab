package freezer.image.frozenc;

/**
 * A function the C holds.
 *
 * @param cName its C name
 * @param simpleName its Python name
 * @param code {@code bytecode}, {@code native}, {@code viper} or {@code asm}
 */
public record FrozenFunction(String cName, String simpleName, String code) {
}
