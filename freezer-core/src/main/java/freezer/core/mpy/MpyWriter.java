package freezer.core.mpy;

import freezer.core.ByteStrings;
import freezer.core.qstr.BuiltinQstrs;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes a {@link CompiledModule} as .mpy bytes, in py/persistentcode.c's order
 * (mp_raw_code_save), encoding every part from the model's fields.
 */
public final class MpyWriter {
    // persistentcode.h MP_PERSISTENT_OBJ_* type bytes
    static final int OBJ_FUN_TABLE = 0;
    static final int OBJ_NONE = 1;
    static final int OBJ_FALSE = 2;
    static final int OBJ_TRUE = 3;
    static final int OBJ_ELLIPSIS = 4;
    static final int OBJ_STR = 5;
    static final int OBJ_BYTES = 6;
    static final int OBJ_INT = 7;
    static final int OBJ_FLOAT = 8;
    static final int OBJ_COMPLEX = 9;
    static final int OBJ_TUPLE = 10;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private MpyWriter() {
    }

    public static byte[] write(CompiledModule module) {
        MpyWriter w = new MpyWriter();
        w.module(module);
        return w.out.toByteArray();
    }

    /** The four header bytes: 'M', version, features, small-int bits. */
    static byte[] headerBytes(MpyHeader h) {
        return new byte[] {'M', (byte) h.version(), (byte) h.featuresByte(), (byte) h.smallIntBits()};
    }

    private void module(CompiledModule m) {
        MpyHeader h = m.header();
        out.writeBytes(headerBytes(h));
        if (h.archFlags() != 0) {
            Uint.write(out, h.archFlags());
        }
        Uint.write(out, m.qstrs().size());
        Uint.write(out, m.constants().size());
        for (String q : m.qstrs()) {
            writeQstr(out, q);
        }
        for (ConstObject o : m.constants()) {
            writeObj(out, o);
        }
        writeCode(out, m.root());
    }

    /** A function and all functions under it, parents before children. */
    static void writeCode(ByteArrayOutputStream out, RawCode root) {
        Deque<RawCode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            RawCode rc = stack.pop();
            rawCode(out, rc);
            for (int i = rc.children().size() - 1; i >= 0; i--) {
                stack.push(rc.children().get(i));
            }
        }
    }

    /** persistentcode.c save_qstr: static qstrs by number, others spelled out with a NUL. */
    static void writeQstr(ByteArrayOutputStream out, String q) {
        int n = BuiltinQstrs.get().staticNumber(q);
        if (n >= 0) {
            Uint.write(out, (long) n << 1 | 1);
        } else {
            byte[] b = ByteStrings.bytes(q);
            Uint.write(out, (long) b.length << 1);
            out.writeBytes(b);
            out.write(0);
        }
    }

    /** persistentcode.c save_obj. */
    static void writeObj(ByteArrayOutputStream out, ConstObject o) {
        if (o instanceof ConstObject.Singleton s) {
            out.write(switch (s) {
                case FUN_TABLE -> OBJ_FUN_TABLE;
                case NONE -> OBJ_NONE;
                case FALSE -> OBJ_FALSE;
                case TRUE -> OBJ_TRUE;
                case ELLIPSIS -> OBJ_ELLIPSIS;
            });
        } else if (o instanceof ConstObject.Str s) {
            stringWithNul(out, OBJ_STR, s.bytes());
        } else if (o instanceof ConstObject.Bytes b) {
            stringWithNul(out, OBJ_BYTES, b.bytes());
        } else if (o instanceof ConstObject.Int i) {
            text(out, OBJ_INT, i.value().toString());
        } else if (o instanceof ConstObject.FloatRepr f) {
            text(out, OBJ_FLOAT, f.repr());
        } else if (o instanceof ConstObject.ComplexRepr c) {
            text(out, OBJ_COMPLEX, c.repr());
        } else if (o instanceof ConstObject.Tuple t) {
            out.write(OBJ_TUPLE);
            Uint.write(out, t.items().size());
            for (ConstObject item : t.items()) {
                writeObj(out, item);
            }
        }
    }

    private static void stringWithNul(ByteArrayOutputStream out, int type, String bytes) {
        out.write(type);
        byte[] b = ByteStrings.bytes(bytes);
        Uint.write(out, b.length);
        out.writeBytes(b);
        out.write(0);
    }

    private static void text(ByteArrayOutputStream out, int type, String ascii) {
        out.write(type);
        byte[] b = ByteStrings.bytes(ascii);
        Uint.write(out, b.length);
        out.writeBytes(b);
    }

    /** One raw code without its children: persistentcode.c save_raw_code (and load_raw_code for viper extras). */
    private static void rawCode(ByteArrayOutputStream out, RawCode rc) {
        int n = rc.children().size();
        byte[] data = rc instanceof BytecodeFunction f ? f.funData() : ((NativeCode) rc).machineCode();
        Uint.write(out, (long) data.length << 3 | (n != 0 ? 4 : 0) | rc.kind().bits());
        out.writeBytes(data);
        if (rc instanceof NativePyFunction p) {
            Uint.write(out, p.preludeOffset());
        } else if (rc instanceof ViperFunction v) {
            Uint.write(out, v.scopeFlags());
            if ((v.scopeFlags() & ViperFunction.FLAG_RODATA) != 0) {
                Uint.write(out, v.rodata().length);
            }
            if ((v.scopeFlags() & ViperFunction.FLAG_BSS) != 0) {
                Uint.write(out, v.bssSize());
            }
            if ((v.scopeFlags() & ViperFunction.FLAG_RODATA) != 0) {
                out.writeBytes(v.rodata());
            }
            if ((v.scopeFlags() & ViperFunction.FLAG_RELOC) != 0) {
                for (Relocation r : v.relocations()) {
                    r.write(out);
                }
                out.write(Relocation.END);
            }
        } else if (rc instanceof AsmFunction a) {
            Uint.write(out, a.scopeFlags());
            Uint.write(out, a.nPosArgs());
            Uint.write(out, a.typeSig());
        }
        if (n != 0) {
            Uint.write(out, n);
        }
    }
}
