package freezer.image.manifest;

import java.math.BigInteger;
import java.util.List;

/**
 * A value of the small part of Python that manifests are evaluated in: str, int, bool, None,
 * tuples and lists of them, and the objects the manifest API hands out (functions, the
 * {@code options} object, the {@code os} module, package metadata).
 */
sealed interface ManifestValue {

    /** Python's type name, for messages ("'>=' not supported between instances of 'NoneType' and 'int'"). */
    String typeName();

    /** A str (as text; manifests are read as UTF-8). */
    record Str(String text) implements ManifestValue {
        @Override
        public String typeName() {
            return "str";
        }
    }

    /** An int. */
    record Int(BigInteger value) implements ManifestValue {
        static Int of(long v) {
            return new Int(BigInteger.valueOf(v));
        }

        @Override
        public String typeName() {
            return "int";
        }
    }

    /** True or False (an int in Python's arithmetic and comparisons). */
    enum Bool implements ManifestValue {
        FALSE, TRUE;

        static Bool of(boolean b) {
            return b ? TRUE : FALSE;
        }

        boolean value() {
            return this == TRUE;
        }

        @Override
        public String typeName() {
            return "bool";
        }
    }

    /** None. */
    enum None implements ManifestValue {
        NONE;

        @Override
        public String typeName() {
            return "NoneType";
        }
    }

    /** A tuple or a list: both hold values in order; manifests never change a list in place. */
    record Sequence(List<ManifestValue> items, boolean isList) implements ManifestValue {
        public Sequence {
            items = List.copyOf(items);
        }

        static Sequence tuple(List<ManifestValue> items) {
            return new Sequence(items, false);
        }

        static Sequence list(List<ManifestValue> items) {
            return new Sequence(items, true);
        }

        @Override
        public String typeName() {
            return isList ? "list" : "tuple";
        }
    }

    /** A function or bound method the manifest can call: the API, os.path's helpers, str.format. */
    record Function(String name, Signature signature, Body body) implements ManifestValue {
        @Override
        public String typeName() {
            return "function";
        }
    }

    /** What a {@link Function} does with its bound arguments; {@code call} is where it was called. */
    @FunctionalInterface
    interface Body {
        ManifestValue call(Signature.Bound args, ManifestOrigin call);
    }

    /** An object whose attributes a manifest reads: {@code options}, {@code os}, {@code os.path}, metadata. */
    non-sealed interface Attributes extends ManifestValue {
        /** The attribute's value, or null when the object has no such attribute. */
        ManifestValue attribute(String name);
    }
}
