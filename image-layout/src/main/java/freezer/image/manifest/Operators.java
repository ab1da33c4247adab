package freezer.image.manifest;

import freezer.image.manifest.ManifestValue.Bool;
import freezer.image.manifest.ManifestValue.Int;
import freezer.image.manifest.ManifestValue.None;
import freezer.image.manifest.ManifestValue.Sequence;
import freezer.image.manifest.ManifestValue.Str;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's meaning of the operators manifests use, on {@link ManifestValue}s: truth, equality,
 * ordering, membership, {@code +}, {@code -}, {@code *}, {@code %}, unary minus, and the
 * {@code str()} and {@code repr()} of a value. Anything else is a TypeError, worded as CPython's.
 */
final class Operators {
    /** Bigger operands than this are refused for * (a manifest has no use for huge strings). */
    private static final int MAX_REPEAT = 1 << 20;

    private Operators() {
    }

    static boolean truth(ManifestValue v) {
        if (v instanceof Bool b) {
            return b.value();
        } else if (v == None.NONE) {
            return false;
        } else if (v instanceof Int i) {
            return i.value().signum() != 0;
        } else if (v instanceof Str s) {
            return !s.text().isEmpty();
        } else if (v instanceof Sequence s) {
            return !s.items().isEmpty();
        }
        return true;
    }

    /** The int value of an int or bool, or null. */
    static BigInteger intValue(ManifestValue v) {
        if (v instanceof Int i) {
            return i.value();
        } else if (v instanceof Bool b) {
            return b.value() ? BigInteger.ONE : BigInteger.ZERO;
        }
        return null;
    }

    static boolean equal(ManifestValue a, ManifestValue b) {
        BigInteger ia = intValue(a);
        BigInteger ib = intValue(b);
        if (ia != null || ib != null) {
            return ia != null && ib != null && ia.equals(ib);
        }
        if (a instanceof Str sa && b instanceof Str sb) {
            return sa.text().equals(sb.text());
        }
        if (a instanceof Sequence sa && b instanceof Sequence sb) {
            if (sa.isList() != sb.isList() || sa.items().size() != sb.items().size()) {
                return false;
            }
            for (int i = 0; i < sa.items().size(); i++) {
                if (!equal(sa.items().get(i), sb.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a == b;
    }

    /** The sign of a compared with b for {@code <}, {@code <=}, {@code >}, {@code >=}. */
    static int compare(String op, ManifestValue a, ManifestValue b) {
        BigInteger ia = intValue(a);
        BigInteger ib = intValue(b);
        if (ia != null && ib != null) {
            return ia.compareTo(ib);
        }
        if (a instanceof Str sa && b instanceof Str sb) {
            return CodePointOrder.INSTANCE.compare(sa.text(), sb.text());
        }
        if (a instanceof Sequence sa && b instanceof Sequence sb && sa.isList() == sb.isList()) {
            int n = Math.min(sa.items().size(), sb.items().size());
            for (int i = 0; i < n; i++) {
                if (!equal(sa.items().get(i), sb.items().get(i))) {
                    return compare(op, sa.items().get(i), sb.items().get(i));
                }
            }
            return Integer.compare(sa.items().size(), sb.items().size());
        }
        throw EvalFailure.typeError("'" + op + "' not supported between instances of '" + a.typeName() + "' and '"
                + b.typeName() + "'");
    }

    /** {@code item in container}. */
    static boolean contains(ManifestValue container, ManifestValue item) {
        if (container instanceof Str s) {
            if (item instanceof Str sub) {
                return s.text().contains(sub.text());
            }
            throw EvalFailure.typeError("'in <string>' requires string as left operand, not " + item.typeName());
        }
        if (container instanceof Sequence s) {
            for (ManifestValue v : s.items()) {
                if (equal(v, item)) {
                    return true;
                }
            }
            return false;
        }
        throw EvalFailure.typeError("argument of type '" + container.typeName() + "' is not iterable");
    }

    static ManifestValue add(ManifestValue a, ManifestValue b) {
        BigInteger ia = intValue(a);
        BigInteger ib = intValue(b);
        if (ia != null && ib != null) {
            return new Int(ia.add(ib));
        }
        if (a instanceof Str sa) {
            if (b instanceof Str sb) {
                return new Str(sa.text() + sb.text());
            }
            throw EvalFailure.typeError("can only concatenate str (not \"" + b.typeName() + "\") to str");
        }
        if (a instanceof Sequence sa && b instanceof Sequence sb && sa.isList() == sb.isList()) {
            List<ManifestValue> items = new ArrayList<>(sa.items());
            items.addAll(sb.items());
            return new Sequence(items, sa.isList());
        }
        if (a instanceof Sequence sa) {
            throw EvalFailure.typeError("can only concatenate " + sa.typeName() + " (not \"" + b.typeName()
                    + "\") to " + sa.typeName());
        }
        throw unsupportedOperands("+", a, b);
    }

    static ManifestValue subtract(ManifestValue a, ManifestValue b) {
        BigInteger ia = intValue(a);
        BigInteger ib = intValue(b);
        if (ia != null && ib != null) {
            return new Int(ia.subtract(ib));
        }
        throw unsupportedOperands("-", a, b);
    }

    static ManifestValue multiply(ManifestValue a, ManifestValue b) {
        BigInteger ia = intValue(a);
        BigInteger ib = intValue(b);
        if (ia != null && ib != null) {
            return new Int(ia.multiply(ib));
        }
        if (ia != null) {
            return repeat(b, ia, a);
        }
        if (ib != null) {
            return repeat(a, ib, b);
        }
        throw unsupportedOperands("*", a, b);
    }

    private static ManifestValue repeat(ManifestValue seq, BigInteger times, ManifestValue count) {
        int n = times.signum() <= 0 ? 0 : times.min(BigInteger.valueOf(MAX_REPEAT)).intValue();
        if (seq instanceof Str s) {
            checkSize((long) s.text().length() * n);
            return new Str(s.text().repeat(n));
        }
        if (seq instanceof Sequence s) {
            checkSize((long) s.items().size() * n);
            List<ManifestValue> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.addAll(s.items());
            }
            return new Sequence(items, s.isList());
        }
        throw unsupportedOperands("*", seq, count);
    }

    private static void checkSize(long size) {
        if (size > MAX_REPEAT) {
            throw EvalFailure.unsupported("a repeated str or sequence longer than " + MAX_REPEAT
                    + " is not evaluated in manifests");
        }
    }

    /** {@code a % b}: str formatting, or Python's floored int modulo. */
    static ManifestValue modulo(ManifestValue a, ManifestValue b) {
        if (a instanceof Str s) {
            return new Str(StringFormatting.percent(s.text(), b));
        }
        BigInteger ia = intValue(a);
        BigInteger ib = intValue(b);
        if (ia != null && ib != null) {
            if (ib.signum() == 0) {
                throw new EvalFailure(ManifestErrorKind.TYPE_ERROR, "integer modulo by zero");
            }
            BigInteger r = ia.mod(ib.abs());
            if (ib.signum() < 0 && r.signum() != 0) {
                r = r.add(ib);
            }
            return new Int(r);
        }
        throw unsupportedOperands("%", a, b);
    }

    static ManifestValue negate(ManifestValue v) {
        BigInteger i = intValue(v);
        if (i == null) {
            throw EvalFailure.typeError("bad operand type for unary -: '" + v.typeName() + "'");
        }
        return new Int(i.negate());
    }

    static ManifestValue plus(ManifestValue v) {
        BigInteger i = intValue(v);
        if (i == null) {
            throw EvalFailure.typeError("bad operand type for unary +: '" + v.typeName() + "'");
        }
        return new Int(i);
    }

    private static EvalFailure unsupportedOperands(String op, ManifestValue a, ManifestValue b) {
        return EvalFailure.typeError("unsupported operand type(s) for " + op + ": '" + a.typeName() + "' and '"
                + b.typeName() + "'");
    }

    /** Python's str(v). */
    static String str(ManifestValue v) {
        return v instanceof Str s ? s.text() : repr(v);
    }

    /** Python's repr(v). */
    static String repr(ManifestValue v) {
        if (v instanceof Str s) {
            return PythonStrRepr.of(s.text());
        } else if (v instanceof Int i) {
            return i.value().toString();
        } else if (v instanceof Bool b) {
            return b.value() ? "True" : "False";
        } else if (v == None.NONE) {
            return "None";
        } else if (v instanceof Sequence s) {
            StringBuilder b = new StringBuilder(s.isList() ? "[" : "(");
            for (int i = 0; i < s.items().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(repr(s.items().get(i)));
            }
            if (!s.isList() && s.items().size() == 1) {
                b.append(',');
            }
            return b.append(s.isList() ? "]" : ")").toString();
        } else if (v instanceof ManifestValue.Function f) {
            return "<function " + f.name() + ">";
        }
        return "<" + v.typeName() + " object>";
    }
}
