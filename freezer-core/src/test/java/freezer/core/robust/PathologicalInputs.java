package freezer.core.robust;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Inputs that have broken compilers: nesting tens of thousands deep, files of tens of MB, bytes
 * that are not UTF-8, NUL, a BOM, CR and CR LF line ends, binary noise, nothing at all. Each is
 * built only when its test runs. {@code scale} multiplies the big sizes (1 in CI).
 */
final class PathologicalInputs {
    /** One input: a name for the report and its bytes, made on demand. */
    record Input(String name, Supplier<byte[]> bytes) {
    }

    private PathologicalInputs() {
    }

    static List<Input> all(long seed, int scale) {
        List<Input> in = new ArrayList<>();
        // nothing, or almost nothing
        text(in, "empty", "");
        text(in, "newline only", "\n");
        text(in, "spaces only", "    ");
        text(in, "comment without newline", "# nothing");
        text(in, "statement without newline", "x = 1");
        text(in, "indented first line", "  x = 1\n");
        // byte order marks and line ends
        bytes(in, "BOM then code", concat(bom(), "x = 1\n"));
        bytes(in, "BOM only", bom());
        bytes(in, "BOM inside a line", concat(ascii("x = 1 + "), bom(), ascii("2\n")));
        text(in, "CR line ends", "x = 1\rif x:\r    y = 2\r");
        text(in, "CR LF line ends", "x = 1\r\nif x:\r\n    y = 2\r\n");
        text(in, "mixed line ends", "x = 1\r\ny = 2\rz = 3\ndef f():\r\n    return (1,\r    2)\n");
        text(in, "CR LF inside a triple-quoted string", "s = '''a\r\nb\rc'''\n");
        text(in, "backslash CR LF continuation", "x = 1 + \\\r\n    2\r\n");
        // NUL and control bytes
        text(in, "NUL in code", "x = 1\0\n");
        text(in, "NUL in a string", "s = 'a\0b'\n");
        text(in, "NUL in a comment", "# a\0b\nx = 1\n");
        text(in, "form feed and vertical tab", "\fx = 1\n\u000by = 2\n");
        text(in, "mixed tabs and spaces", "if 1:\n\tx = 1\n        y = 2\n");
        // bytes that are not UTF-8
        bytes(in, "invalid UTF-8 in a string", concat(ascii("s = '"), raw(0xff, 0xfe, 0xc0, 0x80), ascii("'\n")));
        bytes(in, "invalid UTF-8 in bytes", concat(ascii("b = b'"), raw(0xff), ascii("'\n")));
        bytes(in, "invalid UTF-8 in a name", concat(ascii("x"), raw(0xff, 0x80), ascii(" = 1\n")));
        bytes(in, "invalid UTF-8 in a comment", concat(ascii("# "), raw(0xc3), ascii("\nx = 1\n")));
        bytes(in, "truncated UTF-8 at end of file", concat(ascii("s = '"), raw(0xe2, 0x82)));
        bytes(in, "UTF-8 name", "café = 1\nprint(café)\n".getBytes(StandardCharsets.UTF_8));
        // unfinished things
        text(in, "unterminated string", "s = 'abc\n");
        text(in, "unterminated triple-quoted string", "s = '''abc\n" + "x\n".repeat(1000));
        text(in, "unclosed bracket at end of file", "x = (1,\n" + "2,\n".repeat(1000));
        text(in, "backslash at end of file", "x = 1 \\");
        text(in, "unterminated f-string", "f'{x'\n");
        text(in, "f-string nested deeply", "x = 1\ns = " + "f'{".repeat(50) + "x" + "}'".repeat(50) + "\n");
        // nesting
        text(in, "20000 nested not", "x = " + "not ".repeat(20_000) + "1\n");
        text(in, "10000 nested parentheses", "x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n");
        text(in, "30000 nested parentheses", "x = " + "(".repeat(30_000) + "1" + ")".repeat(30_000) + "\n");
        text(in, "10000 nested lists", "x = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        text(in, "20000 unary minus", "x = " + "-".repeat(20_000) + "1\n");
        text(in, "10000 nested lambdas", "f = " + "lambda: ".repeat(10_000) + "0\n");
        text(in, "10000 nested calls", "x = " + "f(".repeat(10_000) + ")".repeat(10_000) + "\n");
        text(in, "10000 subscripts", "x = a" + "[0]".repeat(10_000) + "\n");
        text(in, "50000 attributes", "x = a" + ".b".repeat(50_000) + "\n");
        text(in, "100000 additions", "x = 1" + " + 1".repeat(100_000) + "\n");
        text(in, "100000 string concatenations", "x = 'a'" + " 'b'".repeat(100_000) + "\n");
        text(in, "5000 nested if blocks", nestedBlocks("if x:", 5_000));
        text(in, "1000 nested functions", nestedBlocks("def f():", 1_000));
        text(in, "200 nested classes", nestedBlocks("class C:", 200));
        text(in, "3000 nested for loops", nestedBlocks("for i in x:", 3_000));
        text(in, "2000 nested try blocks", nestedTry(2_000));
        text(in, "2000 nested comprehensions", "x = " + "[y for y in ".repeat(2_000) + "[]" + "]".repeat(2_000) + "\n");
        // size
        text(in, "200000 list items", "x = [" + "1, ".repeat(200_000) + "]\n");
        text(in, "100000 dict items", "x = {" + build(100_000, i -> i + ": " + i + ", ") + "}\n");
        text(in, "100000 char identifier", "x" + "y".repeat(100_000) + " = 1\n");
        text(in, "100000 digit integer", "x = 1" + "0".repeat(100_000) + "\n");
        text(in, "float exponent overflow", "x = 1e999999999999\ny = 1e-999999999\n");
        text(in, "10000 locals", "def f():\n" + build(10_000, i -> "    v" + i + " = " + i + "\n"));
        text(in, "10000 functions", build(10_000, i -> "def f" + i + "(a, b=" + i + "):\n    return a + b\n"));
        bigText(in, "16 MB of short statements", 16 * scale, "x = 1\n");
        bigText(in, "16 MB of comments", 16 * scale, "# a comment line of some length\n");
        in.add(new Input("16 MB string literal", () -> concat(ascii("s = '"),
                ascii("a".repeat(16 * scale * 1024 * 1024)), ascii("'\n"))));
        in.add(new Input("8 MB single line", () -> ascii("x = 1" + " + 1".repeat(2 * scale * 1024 * 1024) + "\n")));
        // noise
        for (int size : new int[] {16, 1024, 65_536, 1 << 20}) {
            in.add(new Input("binary noise, " + size + " bytes", () -> noise(seed + size, size)));
            in.add(new Input("printable noise, " + size + " bytes", () -> printableNoise(seed + size, size)));
        }
        return in;
    }

    private static void text(List<Input> in, String name, String text) {
        in.add(new Input(name, () -> text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void bytes(List<Input> in, String name, byte[] b) {
        in.add(new Input(name, () -> b));
    }

    private static void bigText(List<Input> in, String name, int megabytes, String line) {
        in.add(new Input(name, () -> ascii(line.repeat(megabytes * 1024 * 1024 / line.length()))));
    }

    private static String nestedBlocks(String header, int depth) {
        StringBuilder sb = new StringBuilder("x = 1\n");
        for (int i = 0; i < depth; i++) {
            sb.append(" ".repeat(i)).append(header).append('\n');
        }
        return sb.append(" ".repeat(depth)).append("pass\n").toString();
    }

    private static String nestedTry(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append(" ".repeat(i)).append("try:\n");
        }
        sb.append(" ".repeat(depth)).append("pass\n");
        for (int i = depth - 1; i >= 0; i--) {
            sb.append(" ".repeat(i)).append("finally:\n").append(" ".repeat(i + 1)).append("pass\n");
        }
        return sb.toString();
    }

    private static String build(int n, java.util.function.IntFunction<String> item) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(item.apply(i));
        }
        return sb.toString();
    }

    static byte[] noise(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Random ASCII drawn mostly from Python's punctuation, so that the lexer gets further. */
    static byte[] printableNoise(long seed, int size) {
        String alphabet = "abcxyz019_ ()[]{}:;,.=+-*/%<>!&|^~@'\"\\#\n\t";
        Random r = new Random(seed);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return b;
    }

    private static byte[] bom() {
        return raw(0xef, 0xbb, 0xbf);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] raw(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] b ? b : ascii((String) p));
        }
        return out.toByteArray();
    }
}
