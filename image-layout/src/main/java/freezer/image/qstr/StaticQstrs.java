package freezer.image.qstr;

import freezer.core.qstr.BuiltinQstrs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * py/makeqstrdata.py's static_qstr_list (bundled with freezer-core): every firmware has these
 * qstrs, in this order, whatever its header lists, and a .mpy names them by number.
 */
public final class StaticQstrs {
    private static final List<String> STRINGS = load();
    private static final Set<String> IDENTIFIERS = identifiersOf(STRINGS);

    private StaticQstrs() {
    }

    /** The static qstrs as byte strings, in order. */
    public static List<String> strings() {
        return STRINGS;
    }

    /** Their identifiers ({@code static_qstr_list_ident}). */
    public static Set<String> identifiers() {
        return IDENTIFIERS;
    }

    private static List<String> load() {
        BuiltinQstrs b = BuiltinQstrs.get();
        List<String> out = new ArrayList<>(b.staticCount());
        for (int i = 1; i <= b.staticCount(); i++) {
            out.add(b.staticString(i));
        }
        return Collections.unmodifiableList(out);
    }

    private static Set<String> identifiersOf(List<String> strings) {
        Set<String> ids = new LinkedHashSet<>();
        for (String s : strings) {
            ids.add(QstrEscape.identifier(s));
        }
        return Collections.unmodifiableSet(ids);
    }
}
