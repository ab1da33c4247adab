package freezer.core.compile;

import freezer.core.parse.ConstValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What all scopes of a module share while they are emitted (py/emitcommon.c): the module's
 * qstr table, numbered by first use, its constant-object table, and the children of the scope
 * being emitted.
 */
final class EmitCommon {
    private final Map<String, Integer> qstrs = new LinkedHashMap<>();
    private final List<ConstValue> constants = new ArrayList<>();
    Pass pass;
    private int childCount;
    private List<CodeHolder> children = new ArrayList<>();

    EmitCommon(String sourceFile) {
        // the source file is always entry 0
        qstrs.put(sourceFile, 0);
    }

    void startPass(Pass p) {
        pass = p;
        if (p == Pass.CODE_SIZE) {
            children = new ArrayList<>();
            for (int i = 0; i < childCount; i++) {
                children.add(null);
            }
        }
        childCount = 0;
    }

    int useQstr(String q) {
        Integer i = qstrs.get(q);
        if (i == null) {
            i = qstrs.size();
            qstrs.put(q, i);
        }
        return i;
    }

    /** The index of a constant, shared with any earlier strictly equal one. */
    int useConst(ConstValue c) {
        for (int i = 0; i < constants.size(); i++) {
            if (ConstValue.strictlyEqual(constants.get(i), c)) {
                return i;
            }
        }
        constants.add(c);
        return constants.size() - 1;
    }

    int allocChild(CodeHolder child) {
        if (pass == Pass.EMIT) {
            children.set(childCount, child);
        }
        return childCount++;
    }

    /** The children the current scope's EMIT pass collected. */
    List<CodeHolder> children() {
        return List.copyOf(children.subList(0, childCount));
    }

    List<String> qstrTable() {
        return new ArrayList<>(qstrs.keySet());
    }

    List<ConstValue> constants() {
        return constants;
    }
}
