package freezer.image.manifest;

import freezer.image.manifest.ManifestValue.Sequence;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The two ways manifests build strings from values: {@code "%s/lib" % path} and
 * {@code str.format}, which is also what f-strings are (MicroPython's lexer turns
 * {@code f"{a}/b"} into {@code "{}/b".format(a)}). Only the conversions a path needs are
 * evaluated: {@code %s %r %d %i %%}, and replacement fields without a format spec.
 */
final class StringFormatting {
    private StringFormatting() {
    }

    /** {@code format % args}: a tuple supplies one value per conversion, anything else is one value. */
    static String percent(String format, ManifestValue args) {
        List<ManifestValue> values = args instanceof Sequence s && !s.isList() ? s.items() : List.of(args);
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= format.length()) {
                throw EvalFailure.typeError("incomplete format");
            }
            char conv = format.charAt(i);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            if ("srdi".indexOf(conv) < 0) {
                throw EvalFailure.unsupported("the %-format '%" + conv + "' is not evaluated in manifests"
                        + " (only %s, %r, %d, %i and %%)");
            }
            if (next >= values.size()) {
                throw EvalFailure.typeError("not enough arguments for format string");
            }
            ManifestValue v = values.get(next++);
            out.append(convert(conv, v));
        }
        if (next < values.size()) {
            throw EvalFailure.typeError("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static String convert(char conv, ManifestValue v) {
        return switch (conv) {
            case 's' -> Operators.str(v);
            case 'r' -> Operators.repr(v);
            default -> {
                BigInteger i = Operators.intValue(v);
                if (i == null) {
                    throw EvalFailure.typeError("%" + conv + " format: a real number is required, not "
                            + v.typeName());
                }
                yield i.toString();
            }
        };
    }

    /** {@code format.format(*args, **kwargs)}. */
    static String format(String format, List<ManifestValue> args, Map<String, ManifestValue> kwargs) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        boolean manual = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '}') {
                if (i + 1 < format.length() && format.charAt(i + 1) == '}') {
                    out.append('}');
                    i++;
                    continue;
                }
                throw badFormat("Single '}' encountered in format string");
            }
            if (c != '{') {
                out.append(c);
                continue;
            }
            if (i + 1 < format.length() && format.charAt(i + 1) == '{') {
                out.append('{');
                i++;
                continue;
            }
            int end = format.indexOf('}', i);
            if (end < 0) {
                throw badFormat("Single '{' encountered in format string");
            }
            String field = format.substring(i + 1, end);
            i = end;
            char conversion = 's';
            int bang = field.indexOf('!');
            int colon = field.indexOf(':');
            if (colon >= 0 && (bang < 0 || colon < bang)) {
                throw EvalFailure.unsupported("the format spec ':" + field.substring(colon + 1)
                        + "' is not evaluated in manifests");
            }
            if (bang >= 0) {
                String conv = field.substring(bang + 1);
                if (!conv.equals("r") && !conv.equals("s")) {
                    throw EvalFailure.unsupported("the conversion '!" + conv + "' is not evaluated in manifests");
                }
                conversion = conv.charAt(0);
                field = field.substring(0, bang);
            }
            ManifestValue v;
            if (field.isEmpty()) {
                if (manual) {
                    throw badFormat("cannot switch from manual field specification to automatic field numbering");
                }
                v = positional(args, auto++);
            } else if (field.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                if (auto > 0) {
                    throw badFormat("cannot switch from automatic field numbering to manual field specification");
                }
                manual = true;
                v = positional(args, field.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(field));
            } else {
                v = kwargs.get(field);
                if (v == null) {
                    throw new EvalFailure(ManifestErrorKind.UNKNOWN_NAME, "format field '" + field
                            + "' has no value (KeyError)");
                }
            }
            out.append(conversion == 'r' ? Operators.repr(v) : Operators.str(v));
        }
        return out.toString();
    }

    private static ManifestValue positional(List<ManifestValue> args, int index) {
        if (index >= args.size()) {
            throw badFormat("Replacement index " + index + " out of range for positional args tuple");
        }
        return args.get(index);
    }

    private static EvalFailure badFormat(String message) {
        return EvalFailure.badArgument(message);
    }
}
