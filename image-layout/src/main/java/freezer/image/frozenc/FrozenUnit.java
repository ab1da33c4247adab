package freezer.image.frozenc;

import freezer.image.map.UnitKind;
import java.util.List;

/**
 * A module as the C holds it.
 *
 * @param path its frozen name
 * @param kind how it is stored
 * @param source the file it came from
 * @param cName its C name (the part after {@code frozen_module_}); null for a str module
 * @param functions its functions in file order
 * @param qstrs the qstrs it uses (byte strings, first use first): its qstr table, then str
 *     constants written as qstrs
 */
public record FrozenUnit(String path, UnitKind kind, String source, String cName, List<FrozenFunction> functions,
        List<String> qstrs) {
    public FrozenUnit {
        functions = List.copyOf(functions);
        qstrs = List.copyOf(qstrs);
    }
}
