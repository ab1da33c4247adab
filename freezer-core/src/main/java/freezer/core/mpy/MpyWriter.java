package freezer.core.mpy;

import freezer.core.ByteStrings;
import freezer.core.qstr.BuiltinQstrs;
import java.io.ByteArrayOutputStream;

/** Writes a {@link CompiledModule} as .mpy bytes, in py/persistentcode.c's order. */
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

    private void module(CompiledModule m) {
        MpyHeader h = m.header();
        out.write('M');
        out.write(h.version());
        out.write(h.featuresByte());
        out.write(h.smallIntBits());
        if (h.archFlags() != 0) {
            uint(h.archFlags());
        }
        uint(m.qstrs().size());
        uint(m.constants().size());
        for (String q : m.qstrs()) {
            qstr(q);
        }
        for (ConstObject o : m.constants()) {
            obj(o);
        }
        rawCode(m.root());
    }

    private void qstr(String q) {
        int n = BuiltinQstrs.get().staticNumber(q);
        if (n >= 0) {
            uint((long) n << 1 | 1);
        } else {
            byte[] b = ByteStrings.bytes(q);
            uint((long) b.length << 1);
            out.writeBytes(b);
            out.write(0);
        }
    }

    private void obj(ConstObject o) {
        if (o instanceof ConstObject.Singleton s) {
            out.write(switch (s) {
                case FUN_TABLE -> OBJ_FUN_TABLE;
                case NONE -> OBJ_NONE;
                case FALSE -> OBJ_FALSE;
                case TRUE -> OBJ_TRUE;
                case ELLIPSIS -> OBJ_ELLIPSIS;
            });
        } else if (o instanceof ConstObject.Str s) {
            stringWithNul(OBJ_STR, s.bytes());
        } else if (o instanceof ConstObject.Bytes b) {
            stringWithNul(OBJ_BYTES, b.bytes());
        } else if (o instanceof ConstObject.Int i) {
            text(OBJ_INT, i.value().toString());
        } else if (o instanceof ConstObject.FloatRepr f) {
            text(OBJ_FLOAT, f.repr());
        } else if (o instanceof ConstObject.ComplexRepr c) {
            text(OBJ_COMPLEX, c.repr());
        } else if (o instanceof ConstObject.Tuple t) {
            out.write(OBJ_TUPLE);
            uint(t.items().size());
            for (ConstObject item : t.items()) {
                obj(item);
            }
        }
    }

    private void stringWithNul(int type, String bytes) {
        out.write(type);
        byte[] b = ByteStrings.bytes(bytes);
        uint(b.length);
        out.writeBytes(b);
        out.write(0);
    }

    private void text(int type, String ascii) {
        out.write(type);
        byte[] b = ByteStrings.bytes(ascii);
        uint(b.length);
        out.writeBytes(b);
    }

    private void rawCode(RawCode rc) {
        BytecodeCode b = (BytecodeCode) rc;
        byte[] data = b.funData();
        int n = b.children().size();
        uint((long) data.length << 3 | (n != 0 ? 4 : 0));
        out.writeBytes(data);
        if (n != 0) {
            uint(n);
            for (RawCode child : b.children()) {
                rawCode(child);
            }
        }
    }

    /** persistentcode.c mp_print_uint: 7 bits a byte, most significant first. */
    private void uint(long n) {
        byte[] buf = new byte[10];
        int p = buf.length;
        buf[--p] = (byte) (n & 0x7f);
        for (n >>>= 7; n != 0; n >>>= 7) {
            buf[--p] = (byte) (0x80 | (n & 0x7f));
        }
        out.write(buf, p, buf.length - p);
    }

}
