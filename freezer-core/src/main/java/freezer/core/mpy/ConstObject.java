package freezer.core.mpy;

import java.math.BigInteger;
import java.util.List;

/**
 * An entry of a module's constant-object table, as a .mpy stores it (py/persistentcode.c
 * save_obj). Strings are byte strings (see {@link freezer.core.ByteStrings}); numbers that are
 * not small ints are stored as their repr text, so floats and complex numbers keep the exact
 * text mpy-cross wrote.
 */
public sealed interface ConstObject {

    /** A str constant: one that was not interned as a qstr. */
    record Str(String bytes) implements ConstObject {
    }

    record Bytes(String bytes) implements ConstObject {
    }

    /** An int too wide for the target's small ints. */
    record Int(BigInteger value) implements ConstObject {
    }

    /** A float, as its repr text (for example {@code 1.5}, {@code inf}, {@code 1e+100}). */
    record FloatRepr(String repr) implements ConstObject {
    }

    /** A complex, as its repr text (for example {@code 2j} or {@code (1+2j)}). */
    record ComplexRepr(String repr) implements ConstObject {
    }

    /** A tuple of constants (the compiler folds tuples of literals into one constant). */
    record Tuple(List<ConstObject> items) implements ConstObject {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** The objects a .mpy stores as a type byte alone. */
    enum Singleton implements ConstObject {
        FUN_TABLE, NONE, FALSE, TRUE, ELLIPSIS
    }
}
