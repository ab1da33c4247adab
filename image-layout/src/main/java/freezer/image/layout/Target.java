package freezer.image.layout;

import freezer.image.map.MapTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The firmware frozen C is sized for: what decides how large each C object is and where it
 * lands. Two presets are the golden firmwares (../shared/golden/firmware/README.md).
 *
 * @param name the preset's name, or {@code "custom"}
 * @param wordSize bytes in a pointer and a {@code size_t} (4 or 8)
 * @param floatSize bytes in {@code mp_float_t} (4 single, 8 double, 0 no floats)
 * @param objRepr MICROPY_OBJ_REPR
 * @param persistentCodeSave MICROPY_PERSISTENT_CODE_SAVE: raw-code structures carry its fields
 *     (and, as ports enable it through MICROPY_PY_SYS_SETTRACE, the settrace prelude), and every
 *     bytecode function has a structure of its own
 * @param positionIndependent whether the C is compiled as position-independent code (x86-64
 *     Linux, PIE by default): objects holding pointers then land in {@code .data.rel.ro} sections
 */
public record Target(String name, int wordSize, int floatSize, ObjRepr objRepr, boolean persistentCodeSave,
        boolean positionIndependent) {

    /** The unix port, standard variant, on x86-64 Linux (gcc 12, PIE). */
    public static final Target UNIX_X64 = new Target("unix-x64", 8, 8, ObjRepr.A, false, true);
    /** The qemu port's MPS2_AN385 board: a Cortex-M3 with single-precision floats. */
    public static final Target QEMU_ARMV7M = new Target("qemu-armv7m", 4, 4, ObjRepr.A, false, false);

    private static final Map<String, Target> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put(UNIX_X64.name, UNIX_X64);
        PRESETS.put(QEMU_ARMV7M.name, QEMU_ARMV7M);
    }

    public Target {
        if (wordSize != 4 && wordSize != 8) {
            throw new IllegalArgumentException("word size " + wordSize + " is not 4 or 8");
        }
        if (floatSize != 0 && floatSize != 4 && floatSize != 8) {
            throw new IllegalArgumentException("float size " + floatSize + " is not 0, 4 or 8");
        }
        if (objRepr == ObjRepr.C && wordSize != 4 || objRepr == ObjRepr.D && wordSize != 4) {
            throw new IllegalArgumentException("object representation " + objRepr + " needs a word size of 4");
        }
    }

    public static Optional<Target> preset(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    public static Map<String, Target> presets() {
        return PRESETS;
    }

    /** The same target with other values, named custom. */
    public Target with(Integer word, Integer floats, ObjRepr repr, Boolean save) {
        Target t = new Target("custom", word != null ? word : wordSize, floats != null ? floats : floatSize,
                repr != null ? repr : objRepr, save != null ? save : persistentCodeSave,
                positionIndependent && (word == null || word == 8));
        return t.equalsIgnoringName(this) ? this : t;
    }

    private boolean equalsIgnoringName(Target o) {
        return wordSize == o.wordSize && floatSize == o.floatSize && objRepr == o.objRepr
                && persistentCodeSave == o.persistentCodeSave && positionIndependent == o.positionIndependent;
    }

    /** Bytes in an {@code mp_obj_t} / {@code mp_rom_obj_t}: 8 under NaN boxing. */
    public int objSize() {
        return objRepr == ObjRepr.D ? 8 : wordSize;
    }

    /** Whether floats are C floats. */
    public boolean singlePrecision() {
        return floatSize == 4;
    }

    public MapTarget toMap() {
        return new MapTarget(name, wordSize, floatSize, objRepr.name(), persistentCodeSave);
    }
}
