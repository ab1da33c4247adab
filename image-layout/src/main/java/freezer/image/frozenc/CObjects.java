package freezer.image.frozenc;

import freezer.image.layout.CObject;
import freezer.image.layout.CType;
import freezer.image.layout.Presence;
import freezer.image.layout.Refs;
import freezer.image.map.ItemKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects the C defines, recorded in file order as the writer prints them, each with the
 * unit and function it is printed for.
 */
final class CObjects {
    private final List<CObject> objects = new ArrayList<>();
    private int unit = -1;
    private String function;
    private int compoundLiterals;

    /** The unit (and no function) that the next objects belong to; -1 for shared ones. */
    void unit(int index) {
        unit = index;
        function = null;
    }

    /** The function (of the current unit) that the next objects belong to; null for module-level ones. */
    void function(String cName) {
        function = cName;
    }

    String currentFunction() {
        return function;
    }

    void add(String name, ItemKind kind, CType type, Refs refs) {
        add(name, kind, type, refs, Presence.ALWAYS, null);
    }

    void add(String name, ItemKind kind, CType type, Refs refs, Presence presence, String detail) {
        objects.add(new CObject(name, kind, type, refs, presence, unit, function, detail));
    }

    /** A string literal the current object uses. */
    void literal(String byteString, String detail) {
        objects.add(new CObject(null, ItemKind.STRING, new CType.Literal(byteString), Refs.NONE, Presence.ALWAYS, unit,
                function, detail));
    }

    /** The name GCC gives the next compound literal (numbered in order of appearance). */
    String nextCompoundLiteral() {
        return "__compound_literal." + compoundLiterals++;
    }

    List<CObject> all() {
        return objects;
    }
}
