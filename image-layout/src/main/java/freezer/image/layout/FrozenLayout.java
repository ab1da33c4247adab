package freezer.image.layout;

import freezer.core.NativeArch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where frozen C's objects land on a target, and how large they are: the layout GCC gives
 * frozen_content.o with {@code -fdata-sections}. Objects the target's C leaves out are dropped;
 * identical string literals are stored once, owned by their first user in file order.
 */
public final class FrozenLayout {
    static final String TEXT = ".text";
    static final String MERGED_STRINGS = ".rodata.str1.1";
    static final String RODATA = ".rodata";

    private final List<Placed> placed;

    private FrozenLayout(List<Placed> placed) {
        this.placed = List.copyOf(placed);
    }

    /**
     * Lays objects out.
     *
     * @param objects every object and literal in file order
     * @param target the firmware
     * @param arch the native architecture of the image's machine code (decides whether native
     *     preludes are copied apart)
     */
    public static FrozenLayout of(List<CObject> objects, Target target, NativeArch arch) {
        List<Placed> out = new ArrayList<>(objects.size());
        Set<String> literals = new HashSet<>();
        for (CObject o : objects) {
            if (!present(o.presence(), target, arch)) {
                continue;
            }
            if (o.type() instanceof CType.Literal l) {
                if (!literals.add(l.bytes())) {
                    continue;
                }
                out.add(new Placed(o, CSizes.size(l, target), 0, l.hasNul() ? RODATA : MERGED_STRINGS));
                continue;
            }
            out.add(new Placed(o, CSizes.placedSize(o.type(), target), CSizes.size(o.type(), target),
                    section(o, target)));
        }
        return new FrozenLayout(out);
    }

    private static boolean present(Presence p, Target t, NativeArch arch) {
        return switch (p) {
            case ALWAYS -> true;
            case PERSISTENT_CODE_SAVE -> t.persistentCodeSave();
            case OBJ_REPR_A_OR_B -> t.objRepr().hasFloatObjects();
            case SEPARATE_NATIVE_PRELUDE -> arch == NativeArch.XTENSAWIN;
        };
    }

    /**
     * GCC's section for a named object: machine code goes where its attribute puts it; with
     * position-independent code, objects whose initializers need relocations go to
     * {@code .data.rel.ro.local} (only this file's objects) or {@code .data.rel.ro}.
     */
    private static String section(CObject o, Target t) {
        if (o.type() instanceof CType.MachineCode) {
            return TEXT;
        }
        if (t.positionIndependent()) {
            switch (o.refs()) {
                case LOCAL:
                    return ".data.rel.ro.local." + o.name();
                case EXTERN:
                    return ".data.rel.ro." + o.name();
                default:
                    break;
            }
        }
        return ".rodata." + o.name();
    }

    /** Every object that is compiled, in file order. */
    public List<Placed> placed() {
        return placed;
    }

    /** The object file's sections and their sizes, in order of first use. */
    public Map<String, Long> sections() {
        Map<String, Long> s = new LinkedHashMap<>();
        for (Placed p : placed) {
            s.merge(p.section(), p.size(), Long::sum);
        }
        return s;
    }

    /** The named objects and their {@code nm -S} sizes (parts of one object added up). */
    public Map<String, Long> symbols() {
        Map<String, Long> s = new LinkedHashMap<>();
        for (Placed p : placed) {
            if (p.object().name() != null) {
                s.merge(p.object().name(), p.symbolSize(), Long::sum);
            }
        }
        return s;
    }

    public long total() {
        long t = 0;
        for (Placed p : placed) {
            t += p.size();
        }
        return t;
    }
}
