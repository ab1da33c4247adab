package freezer.image.frozenc;

import freezer.core.NativeArch;
import freezer.core.mpy.AsmFunction;
import freezer.core.mpy.BytecodeFunction;
import freezer.core.mpy.ConstObject;
import freezer.core.mpy.MpyToolText;
import freezer.core.mpy.NativePyFunction;
import freezer.core.mpy.RawCode;
import freezer.core.mpy.ViperFunction;
import freezer.image.qstr.QstrEscape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What mpy-tool.py learns while it reads every .mpy, before it writes anything: the global qstr
 * list (each module's qstr table, then its short str constants), the C names of modules and
 * functions (pre-order, unique over the file), and the one native architecture all native
 * modules must share.
 */
final class MpyToolReader {
    /** mpy-tool.py PERSISTENT_STR_INTERN_THRESHOLD: shorter str constants become qstrs. */
    static final int STR_INTERN_THRESHOLD = 25;
    private static final String MODULE_SUFFIX = "_lt_module_gt_";

    private final CNames names = new CNames();
    private final List<String> metInOrder = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private NativeArch arch = NativeArch.NONE;

    MpyToolReader(List<String> staticQstrs) {
        metInOrder.addAll(staticQstrs);
        known.addAll(staticQstrs);
    }

    /** The qstrs in the order mpy-tool.py's global list has them (static ones first). */
    List<String> metInOrder() {
        return metInOrder;
    }

    /** Whether a string is in the global list (mpy-tool.py find_by_str): then a str constant is a qstr. */
    boolean isQstr(String byteString) {
        return known.contains(byteString);
    }

    NativeArch arch() {
        return arch;
    }

    ReadModule read(FrozenMpy input) throws FreezeException {
        var m = input.module();
        String sourceName = m.qstrs().get(0);
        String label = MpyToolText.plain(sourceName);
        for (String q : m.qstrs()) {
            requireUtf8(label, q, "qstr");
            metInOrder.add(q);
            known.add(q);
        }
        for (ConstObject c : m.constants()) {
            internStrings(label, c);
        }
        NativeArch a = m.header().arch();
        if (a != NativeArch.NONE) {
            if (arch == NativeArch.NONE) {
                arch = a;
            } else if (arch != a) {
                throw new FreezeException(input.source(), "native architecture mismatch: " + a.marchName()
                        + " code where earlier modules hold " + arch.marchName() + " code (mpy-tool.py refuses it)");
            }
        }
        int[] cps = MpyToolText.codePoints(sourceName);
        String flat = new String(cps, 0, Math.max(0, cps.length - 3)).replace('/', '_');
        NamedCode root = name(m.root(), flat, m.qstrs());
        return new ReadModule(input, flat, sourceName, root, a);
    }

    private void internStrings(String label, ConstObject c) throws FreezeException {
        if (c instanceof ConstObject.Str s) {
            requireUtf8(label, s.bytes(), "str constant");
            if (MpyToolText.codePoints(s.bytes()).length < STR_INTERN_THRESHOLD && known.add(s.bytes())) {
                metInOrder.add(s.bytes());
            }
        } else if (c instanceof ConstObject.Tuple t) {
            for (ConstObject item : t.items()) {
                internStrings(label, item);
            }
        }
    }

    private static void requireUtf8(String label, String byteString, String what) throws FreezeException {
        if (!MpyToolText.isUtf8(byteString)) {
            throw new FreezeException(label, "a " + what + " is not valid UTF-8 (" + MpyToolText.strRepr(byteString)
                    + "), which mpy-tool.py cannot decode");
        }
    }

    /** Names a function and, below it, its children (read_raw_code's order). */
    private NamedCode name(RawCode rc, String parentName, List<String> qstrs) {
        String simple = qstrs.get(simpleNameIndex(rc));
        String cName = names.unique(parentName + "_" + QstrEscape.identifier(simple));
        String childParent = cName.endsWith(MODULE_SUFFIX) ? parentName : cName;
        List<NamedCode> children = new ArrayList<>(rc.children().size());
        for (RawCode child : rc.children()) {
            children.add(name(child, childParent, qstrs));
        }
        return new NamedCode(rc, cName, simple, children);
    }

    /** The qstr index of a function's simple name; viper and asm code use the source name. */
    static int simpleNameIndex(RawCode rc) {
        if (rc instanceof BytecodeFunction f) {
            return f.simpleName();
        }
        if (rc instanceof NativePyFunction n) {
            return n.prelude().simpleName();
        }
        if (rc instanceof ViperFunction || rc instanceof AsmFunction) {
            return 0;
        }
        throw new AssertionError(rc);
    }
}
