package freezer.image.map;

import java.util.List;

/**
 * One function of a frozen module and the C objects written for it.
 *
 * @param name its C name (mpy-tool.py's escaped name: {@code mod_Class_method})
 * @param simpleName its Python name ({@code <module>} for the module's top level)
 * @param code how it is stored: {@code bytecode}, {@code native}, {@code viper} or {@code asm}
 * @param size the sum of its items
 * @param items its bytecode or machine code, raw-code structure, children array and strings
 */
public record MapFunction(String name, String simpleName, String code, long size, List<MapItem> items) {
    public MapFunction {
        items = List.copyOf(items);
    }
}
