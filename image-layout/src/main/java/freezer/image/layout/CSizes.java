package freezer.image.layout;

/**
 * The size of each C type on a target, as GCC lays the structures out (natural alignment: each
 * field at a multiple of its size, the whole a multiple of its largest field; {@code long long}
 * and {@code double} 8-aligned on both presets' ABIs).
 */
final class CSizes {
    /** proto_fun_indicator[2], kind and is_generator: four bytes before the first pointer. */
    private static final int RAW_CODE_HEAD = 4;
    private static final int LONG_LONG = 8;

    private CSizes() {
    }

    static long size(CType type, Target t) {
        int w = t.wordSize();
        if (type instanceof CType.Ints i) {
            return i.count() * i.elementSize();
        } else if (type instanceof CType.Pointers p) {
            return p.count() * w;
        } else if (type instanceof CType.Objects o) {
            return o.count() * t.objSize();
        } else if (type instanceof CType.MachineCode m) {
            return m.length();
        } else if (type instanceof CType.RawCode r) {
            return rawCode(r.asmFields(), t);
        } else if (type instanceof CType.StrObject || type instanceof CType.MpzInt) {
            return 4L * w;
        } else if (type instanceof CType.LongLongInt) {
            return align(w, LONG_LONG) + LONG_LONG;
        } else if (type instanceof CType.FloatObject) {
            return floatStruct(1, t);
        } else if (type instanceof CType.ComplexObject) {
            return floatStruct(2, t);
        } else if (type instanceof CType.Tuple tu) {
            return tuple(tu.count(), t);
        } else if (type instanceof CType.FrozenModule) {
            return 3L * w;
        } else if (type instanceof CType.QstrPool q) {
            return (q.hashes() ? 6L : 5L) * w + q.count() * w;
        } else if (type instanceof CType.Literal l) {
            return l.bytes().length() + 1L;
        }
        throw new AssertionError(type);
    }

    /** What an object occupies in its section: machine code is padded to its alignment. */
    static long placedSize(CType type, Target t) {
        if (type instanceof CType.MachineCode m) {
            return align(m.length(), m.align());
        }
        return size(type, t);
    }

    /**
     * mp_raw_code_t (py/emitglue.h): four bytes, then fun_data and children pointers; with
     * MICROPY_PERSISTENT_CODE_SAVE fun_data_len (32 bits), n_children and prelude_offset (16 each),
     * and with settrace line_of_definition (32 bits) and the prelude (six uints, a qstr, three
     * pointers); the full type adds the inline-asm bit fields (32 bits).
     */
    private static long rawCode(boolean asm, Target t) {
        int w = t.wordSize();
        long off = align(RAW_CODE_HEAD, w) + 2L * w;
        if (t.persistentCodeSave()) {
            off += 4 + 2 + 2;
            off += 4;
            off = align(off, w);
            off += 6 * 4;
            off = align(off, w);
            off += 4L * w;
        }
        if (asm) {
            off += 4;
        }
        return align(off, w);
    }

    private static long floatStruct(int values, Target t) {
        int f = Math.max(t.floatSize(), 1);
        int a = Math.max(t.wordSize(), f);
        return align(align(t.wordSize(), f) + (long) values * f, a);
    }

    private static long tuple(long count, Target t) {
        int w = t.wordSize();
        int o = t.objSize();
        return align(align(2L * w, o) + count * o, Math.max(w, o));
    }

    static long align(long n, long a) {
        return (n + a - 1) / a * a;
    }
}
