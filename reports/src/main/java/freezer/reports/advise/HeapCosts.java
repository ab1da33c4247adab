package freezer.reports.advise;

/**
 * How many bytes of MicroPython's heap an object takes on a target: its C struct in words,
 * rounded up to whole GC blocks of four words (py/gc.c hands out nothing smaller). Every
 * formula names the struct it counts; docs/advise.md lists them.
 */
public final class HeapCosts {
    /** py/map.c hash_allocation_sizes: the table sizes a dict or set grows through. */
    private static final int[] HASH_SIZES = {
        0, 2, 4, 6, 8, 10, 12, 17, 23, 29, 37, 47, 59, 73, 97, 127, 167, 223, 293, 389, 521, 691, 919, 1223,
        1627, 2161, 3229, 4831, 7243, 10861, 16273, 24407, 36607, 54907,
    };
    /** py/objlist.c LIST_MIN_ALLOC. */
    private static final int LIST_MIN_ALLOC = 4;
    /** py/mpconfig.h MICROPY_MODULE_DICT_SIZE: a module's globals start with room for one. */
    private static final int MODULE_DICT_SIZE = 1;
    /** The flags, name and slot indices of mp_obj_type_t, in bytes (py/obj.h). */
    private static final int TYPE_HEADER_BYTES = 16;
    /** Slots mp_obj_new_type fills for any class (py/objtype.c), one more with a base class. */
    private static final int TYPE_SLOTS = 10;

    private final int word;
    private final int block;

    public HeapCosts(Firmware firmware) {
        this.word = firmware.wordBytes();
        this.block = firmware.gcBlockBytes();
    }

    public int word() {
        return word;
    }

    /** {@code bytes} rounded up to whole GC blocks; nothing for nothing. */
    public long blocks(long bytes) {
        return bytes <= 0 ? 0 : (bytes + block - 1) / block * block;
    }

    /** A hash table grown entry by entry from {@code initial} slots to hold {@code entries} (map.c). */
    public static int grownTableSize(int initial, int entries) {
        int alloc = initial;
        for (int used = 0; used < entries; used++) {
            if (used == alloc) {
                alloc = nextSize(alloc + 1);
            }
        }
        return alloc;
    }

    private static int nextSize(int atLeast) {
        for (int s : HASH_SIZES) {
            if (s >= atLeast) {
                return s;
            }
        }
        return atLeast + atLeast / 2 | 1;
    }

    /** A dict or map table of {@code slots} entries, a key and a value each. */
    public long mapTable(int slots) {
        return blocks(2L * slots * word);
    }

    /**
     * A module's own objects: mp_module_context_t (the module, its globals, its qstr and
     * constant table pointers: 4 words) and mp_obj_dict_t (a base and a map: 4 words).
     */
    public long moduleObjects() {
        return blocks(4L * word) + blocks(4L * word);
    }

    /** The slots of a module's globals table once {@code names} names are stored in it. */
    public static int moduleTableSlots(int names) {
        return grownTableSize(MODULE_DICT_SIZE, names);
    }

    /** A list display of n items: mp_obj_list_t (4 words) and its items, at least LIST_MIN_ALLOC. */
    public long list(int n) {
        return blocks(4L * word) + blocks((long) Math.max(n, LIST_MIN_ALLOC) * word);
    }

    /** A tuple built at run time: mp_obj_tuple_t, a base, a length and the items inline. */
    public long tuple(int n) {
        return blocks((2L + n) * word);
    }

    /** A dict display of n entries: mp_obj_dict_t and a table of exactly n slots (mp_map_init). */
    public long dict(int n) {
        return blocks(4L * word) + mapTable(n);
    }

    /** A set display of n items: mp_obj_set_t (4 words) and a table of n slots. */
    public long set(int n) {
        return blocks(4L * word) + blocks((long) n * word);
    }

    /** A bytearray of n bytes: mp_obj_array_t (4 words) and the bytes. */
    public long bytearray(int n) {
        return blocks(4L * word) + blocks(n);
    }

    /**
     * A function object: mp_obj_fun_bc_t (base, context, child table, bytecode: 4 words) with
     * the positional defaults inline and one more word for the keyword defaults' dict.
     */
    public long function(int positionalDefaults, boolean keywordDefaults) {
        return blocks((4L + positionalDefaults + (keywordDefaults ? 1 : 0)) * word);
    }

    /**
     * A class: the type object mp_obj_new_type makes (a base word, 16 bytes of flags, name and
     * slot indices, and 10 slots, 11 with a base class) and its namespace dict, which
     * __build_class__ starts empty and the class body fills ({@code __module__},
     * {@code __qualname__} and every name the body binds).
     */
    public long classObject(boolean hasBase, int namespaceEntries) {
        long type = blocks(word + TYPE_HEADER_BYTES + (long) (TYPE_SLOTS + (hasBase ? 1 : 0)) * word);
        return type + blocks(4L * word) + mapTable(grownTableSize(0, namespaceEntries));
    }

    /**
     * A qstr added to a pool: its hash and length bytes, a pointer to its text, and the text
     * with its NUL (py/qstr.h qstr_pool_t). Frozen, this is flash; loaded from a .mpy, RAM.
     */
    public static long qstr(Firmware firmware, int length) {
        return firmware.qstrConfig().bytesInHash() + firmware.qstrConfig().bytesInLen() + firmware.wordBytes() + length
                + 1L;
    }
}
