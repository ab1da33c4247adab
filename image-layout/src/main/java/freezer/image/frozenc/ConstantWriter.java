package freezer.image.frozenc;

import freezer.core.mpy.ConstObject;
import freezer.core.mpy.MpyToolText;
import freezer.image.layout.CType;
import freezer.image.layout.Presence;
import freezer.image.layout.Refs;
import freezer.image.map.ItemKind;
import freezer.image.qstr.QstrEscape;
import freezer.image.qstr.QstrHash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's constant objects as C (mpy-tool.py freeze_constant_obj): each object's definition,
 * and the reference its table entry or enclosing tuple holds.
 */
final class ConstantWriter {
    /** mpy-tool.py mp_small_int_fits: a small int on every target (14 bits, OBJ_REPR_B on 16 bits). */
    private static final long SMALL_INT_MIN = -0x2000;
    private static final long SMALL_INT_MAX = 0x1fff;
    private static final BigInteger LONG_LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** A table entry: its text and what it points at. */
    record Ref(String text, Refs refs) {
    }

    private final FreezeContext ctx;
    private final String module;
    private final CText c;
    private final CObjects objects;

    ConstantWriter(FreezeContext ctx, String module, CText c, CObjects objects) {
        this.ctx = ctx;
        this.module = module;
        this.c = c;
        this.objects = objects;
    }

    Ref write(String name, ConstObject obj) throws FreezeException {
        if (obj instanceof ConstObject.Singleton s) {
            return switch (s) {
                case FUN_TABLE -> new Ref("&mp_fun_table", Refs.EXTERN);
                case NONE -> new Ref("MP_ROM_NONE", Refs.NONE);
                case FALSE -> new Ref("MP_ROM_FALSE", Refs.NONE);
                case TRUE -> new Ref("MP_ROM_TRUE", Refs.NONE);
                case ELLIPSIS -> new Ref("MP_ROM_PTR(&mp_const_ellipsis_obj)", Refs.EXTERN);
            };
        }
        if (obj instanceof ConstObject.Str s) {
            if (s.bytes().isEmpty()) {
                return new Ref("MP_ROM_QSTR(MP_QSTR_)", Refs.NONE);
            }
            if (ctx.reader().isQstr(s.bytes())) {
                return new Ref("MP_ROM_QSTR(MP_QSTR_" + QstrEscape.identifier(s.bytes()) + ")", Refs.NONE);
            }
            return strObject(name, s.bytes(), "mp_type_str", ItemKind.CONST_STR);
        }
        if (obj instanceof ConstObject.Bytes b) {
            if (b.bytes().isEmpty()) {
                return new Ref("MP_ROM_PTR(&mp_const_empty_bytes_obj)", Refs.EXTERN);
            }
            return strObject(name, b.bytes(), "mp_type_bytes", ItemKind.CONST_BYTES);
        }
        if (obj instanceof ConstObject.Int i) {
            return integer(name, i.value());
        }
        if (obj instanceof ConstObject.FloatRepr f) {
            return floatObject(name, f.repr());
        }
        if (obj instanceof ConstObject.ComplexRepr z) {
            return complexObject(name, z.repr());
        }
        return tuple(name, (ConstObject.Tuple) obj);
    }

    private Ref strObject(String name, String bytes, String type, ItemKind kind) {
        StringBuilder data = new StringBuilder(bytes.length() * 4);
        for (int i = 0; i < bytes.length(); i++) {
            int b = bytes.charAt(i) & 0xff;
            data.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        c.line("static const mp_obj_str_t " + name + " = {{&" + type + "}, "
                + QstrHash.compute(bytes, ctx.firmware().config().bytesInHash()) + ", " + bytes.length()
                + ", (const byte*)\"" + data + "\"};");
        objects.add(name, kind, new CType.StrObject(), Refs.EXTERN, Presence.ALWAYS, null);
        objects.literal(bytes, null);
        ctx.stats().constStrContent += bytes.length();
        ctx.stats().constObjContent += 4 * 4;
        return new Ref("MP_ROM_PTR(&" + name + ")", Refs.LOCAL);
    }

    private Ref integer(String name, BigInteger value) throws FreezeException {
        if (value.compareTo(BigInteger.valueOf(SMALL_INT_MIN)) >= 0 && value.compareTo(BigInteger.valueOf(SMALL_INT_MAX)) <= 0) {
            return new Ref("MP_ROM_INT(" + value + ")", Refs.NONE);
        }
        switch (ctx.options().longIntImpl()) {
            case NONE:
                throw new FreezeException(module, "constant " + value + " needs a long int, and the target does not"
                        + " support long int (-mlongint-impl none)");
            case LONGLONG:
                if (value.compareTo(LONG_LONG_MIN) < 0 || value.compareTo(LONG_LONG_MAX) > 0) {
                    ctx.warn(module, FreezeWarning.Kind.LONGLONG_RANGE, "int constant " + value
                            + " does not fit a C long long (-mlongint-impl longlong): the C compiler truncates or rejects it");
                }
                c.line("static const mp_obj_int_t " + name + " = {{&mp_type_int}, " + value + "};");
                objects.add(name, ItemKind.CONST_INT, new CType.LongLongInt(), Refs.EXTERN, Presence.ALWAYS, null);
                return new Ref("MP_ROM_PTR(&" + name + ")", Refs.LOCAL);
            default:
                return mpz(name, value);
        }
    }

    private Ref mpz(String name, BigInteger value) {
        int neg = value.signum() < 0 ? 1 : 0;
        BigInteger z = value.abs();
        int bits = ctx.options().mpzDigSize();
        List<String> digits = new ArrayList<>();
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        while (z.signum() != 0) {
            digits.add("0x" + z.and(mask).toString(16));
            z = z.shiftRight(bits);
        }
        int n = digits.size();
        c.line("static const mp_obj_int_t " + name + " = {{&mp_type_int}, {.neg=" + neg + ", .fixed_dig=1, .alloc=" + n
                + ", .len=" + n + ", .dig=(uint" + bits + "_t*)(const uint" + bits + "_t[]){" + String.join(",", digits)
                + "}}};");
        objects.add(name, ItemKind.CONST_INT, new CType.MpzInt(), Refs.EXTERN, Presence.ALWAYS, null);
        objects.add(objects.nextCompoundLiteral(), ItemKind.INT_DIGITS, new CType.Ints(n, bits / 8), Refs.NONE,
                Presence.ALWAYS, null);
        ctx.stats().constIntContent += (long) n * bits / 8;
        ctx.stats().constObjContent += 4 * 4;
        return new Ref("MP_ROM_PTR(&" + name + ")", Refs.LOCAL);
    }

    private Ref floatObject(String name, String repr) throws FreezeException {
        double x = parseFloat(repr);
        String literal = FloatText.percent16g(x);
        checkLiteral(literal, x, "float constant " + repr);
        String macro = name + "_macro";
        c.line("#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B");
        c.line("static const mp_obj_float_t " + name + " = {{&mp_type_float}, (mp_float_t)" + literal + "};");
        c.line("#define " + macro + " MP_ROM_PTR(&" + name + ")");
        c.line("#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C");
        if (FloatText.overflowsFloat(x)) {
            throw new FreezeException(module, "float constant " + repr + " is too large for a C float: mpy-tool.py fails"
                    + " (\"float too large to pack with f format\")");
        }
        c.line("#define " + macro + " ((mp_rom_obj_t)(" + FloatText.reprC(x) + "))");
        c.line("#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D");
        c.line("#define " + macro + " ((mp_rom_obj_t)(" + FloatText.reprD(x) + "))");
        c.line("#endif");
        objects.add(name, ItemKind.CONST_FLOAT, new CType.FloatObject(), Refs.EXTERN, Presence.OBJ_REPR_A_OR_B, literal);
        ctx.stats().constObjContent += 3 * 4;
        return new Ref(macro, Refs.LOCAL);
    }

    private Ref complexObject(String name, String repr) throws FreezeException {
        double[] z = MpyToolText.pythonComplex(repr);
        if (z == null) {
            throw new FreezeException(module, "complex constant " + repr + " is not a number Python reads");
        }
        String re = FloatText.percent16g(z[0]);
        String im = FloatText.percent16g(z[1]);
        checkLiteral(re, z[0], "complex constant " + repr);
        checkLiteral(im, z[1], "complex constant " + repr);
        if (ctx.singlePrecision() && (FloatText.overflowsFloat(z[0]) || FloatText.overflowsFloat(z[1]))) {
            ctx.warn(module, FreezeWarning.Kind.FLOAT_SINGLE_PRECISION, "complex constant " + repr
                    + " is too large for the target's single-precision float (the C compiler rejects it)");
        }
        c.line("static const mp_obj_complex_t " + name + " = {{&mp_type_complex}, (mp_float_t)" + re + ", (mp_float_t)"
                + im + "};");
        objects.add(name, ItemKind.CONST_COMPLEX, new CType.ComplexObject(), Refs.EXTERN, Presence.ALWAYS, repr);
        return new Ref("MP_ROM_PTR(&" + name + ")", Refs.LOCAL);
    }

    private Ref tuple(String name, ConstObject.Tuple t) throws FreezeException {
        if (t.items().isEmpty()) {
            return new Ref("MP_ROM_PTR(&mp_const_empty_tuple_obj)", Refs.EXTERN);
        }
        List<Ref> refs = new ArrayList<>(t.items().size());
        for (int i = 0; i < t.items().size(); i++) {
            refs.add(write(name + "_" + i, t.items().get(i)));
        }
        c.line("static const mp_rom_obj_tuple_t " + name + " = {{&mp_type_tuple}, " + t.items().size() + ", {");
        Refs all = Refs.EXTERN;
        for (Ref r : refs) {
            c.line("    " + r.text() + ",");
            all = all.and(r.refs());
        }
        c.line("}};");
        objects.add(name, ItemKind.CONST_TUPLE, new CType.Tuple(t.items().size()), all, Presence.ALWAYS, null);
        return new Ref("MP_ROM_PTR(&" + name + ")", Refs.LOCAL);
    }

    private double parseFloat(String repr) throws FreezeException {
        Double d = MpyToolText.pythonFloat(repr);
        if (d == null) {
            throw new FreezeException(module, "float constant " + repr + " is not a number Python reads");
        }
        return d;
    }

    /** The warnings a float literal earns: not finite, or zero in the target's single precision. */
    private void checkLiteral(String literal, double x, String what) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            ctx.warn(module, FreezeWarning.Kind.FLOAT_NOT_FINITE, what + " is written (mp_float_t)" + literal
                    + ", which no C compiler accepts");
        } else if (ctx.singlePrecision() && FloatText.truncatesToZeroInFloat(literal, x)) {
            ctx.warn(module, FreezeWarning.Kind.FLOAT_SINGLE_PRECISION, what + " is zero in the target's"
                    + " single-precision float (the C compiler rejects it: floating constant truncated to zero)");
        }
    }
}
