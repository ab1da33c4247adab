package freezer.core.mpy;

import java.util.List;
import java.util.Locale;

/**
 * What mpy-tool.py prints for constant objects: Python's repr() of the object it reads back
 * (float() and complex() of the stored text, mp_fun_table for the function-table marker). A
 * number text Python cannot read, where mpy-tool.py stops with a ValueError, is printed as
 * stored.
 */
final class ConstRepr {
    private ConstRepr() {
    }

    static String list(List<ConstObject> objects) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < objects.size(); i++) {
            if (i != 0) {
                b.append(", ");
            }
            b.append(repr(objects.get(i)));
        }
        return b.append(']').toString();
    }

    static String repr(ConstObject o) {
        if (o instanceof ConstObject.Singleton s) {
            switch (s) {
                case FUN_TABLE:
                    return "mp_fun_table";
                case NONE:
                    return "None";
                case FALSE:
                    return "False";
                case TRUE:
                    return "True";
                case ELLIPSIS:
                    return "Ellipsis";
                default:
                    throw new AssertionError(s);
            }
        }
        if (o instanceof ConstObject.Str s) {
            return PythonRepr.str(s.bytes());
        }
        if (o instanceof ConstObject.Bytes b) {
            return PythonRepr.bytes(b.bytes());
        }
        if (o instanceof ConstObject.Int i) {
            return i.value().toString();
        }
        if (o instanceof ConstObject.FloatRepr f) {
            Double d = NumberText.pythonFloat(f.repr());
            return d == null ? f.repr() : PythonRepr.floatRepr(d);
        }
        if (o instanceof ConstObject.ComplexRepr c) {
            double[] z = NumberText.pythonComplex(c.repr());
            return z == null ? c.repr() : PythonRepr.complexRepr(z[0], z[1]);
        }
        ConstObject.Tuple t = (ConstObject.Tuple) o;
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < t.items().size(); i++) {
            if (i != 0) {
                b.append(", ");
            }
            b.append(repr(t.items().get(i)));
        }
        if (t.items().size() == 1) {
            b.append(',');
        }
        return b.append(')').toString();
    }

    /** The type name used in reports and JSON. */
    static String typeName(ConstObject o) {
        if (o instanceof ConstObject.Singleton s) {
            return s == ConstObject.Singleton.FUN_TABLE ? "fun_table" : s.name().toLowerCase(Locale.ROOT);
        }
        if (o instanceof ConstObject.Str) {
            return "str";
        }
        if (o instanceof ConstObject.Bytes) {
            return "bytes";
        }
        if (o instanceof ConstObject.Int) {
            return "int";
        }
        if (o instanceof ConstObject.FloatRepr) {
            return "float";
        }
        if (o instanceof ConstObject.ComplexRepr) {
            return "complex";
        }
        return "tuple";
    }
}
