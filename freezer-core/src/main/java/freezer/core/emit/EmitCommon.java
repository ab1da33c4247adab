package freezer.core.emit;

import freezer.core.parse.ConstValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What all scopes of a module share while they are emitted (py/emitcommon.c): the module's
 * qstr table, numbered by first use, its constant-object table, and the children of the scope
 * being emitted.
 */
public final class EmitCommon {
    private final Map<String, Integer> qstrs = new LinkedHashMap<>();
    private final List<ConstValue> constants = new ArrayList<>();
    /** Each constant's index by its strict key (only looked up, never iterated). */
    private final Map<Object, Integer> constIndex = new HashMap<>();
    private Pass pass;
    private int childCount;
    private List<CodeHolder> children = new ArrayList<>();

    /** @param sourceFile the source name as a byte string; always qstr 0 */
    public EmitCommon(String sourceFile) {
        qstrs.put(sourceFile, 0);
    }

    public void startPass(Pass p) {
        pass = p;
        if (p == Pass.CODE_SIZE) {
            children = new ArrayList<>();
            for (int i = 0; i < childCount; i++) {
                children.add(null);
            }
        }
        childCount = 0;
    }

    /** The index of a qstr in the module's table, added on first use. */
    public int useQstr(String q) {
        Integer i = qstrs.get(q);
        if (i == null) {
            i = qstrs.size();
            qstrs.put(q, i);
        }
        return i;
    }

    /** The index of a constant, shared with any earlier strictly equal one. */
    public int useConst(ConstValue c) {
        Integer i = constIndex.putIfAbsent(ConstKey.of(c), constants.size());
        if (i != null) {
            return i;
        }
        constants.add(c);
        return constants.size() - 1;
    }

    /** Numbers a child function of the scope being emitted (mp_emit_common_alloc_const_child). */
    public int allocChild(CodeHolder child) {
        if (pass == Pass.EMIT) {
            children.set(childCount, child);
        }
        return childCount++;
    }

    /** How many children the current pass has numbered so far (emit_common's ct_cur_child). */
    public int childCount() {
        return childCount;
    }

    /** The children the current scope's EMIT pass collected. */
    public List<CodeHolder> children() {
        return List.copyOf(children.subList(0, childCount));
    }

    public List<String> qstrTable() {
        return new ArrayList<>(qstrs.keySet());
    }

    public List<ConstValue> constants() {
        return constants;
    }
}
