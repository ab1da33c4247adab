package freezer.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of real programs: each mutant is a golden program with one to three edits
 * (a range deleted or repeated, a token, random bytes or an indent inserted, lines swapped, the
 * end cut off). Most mutants are wrong in some small way, which is where compilers break.
 */
public final class GoldenMutator {
    private static final String[] TOKENS = {"(", ")", "[", "]", "{", "}", ":", ",", ".", "=", ":=", "==", "*", "**",
        "->", "@", "\\", "\\\n", "'", "\"", "'''", "\"\"\"", "#", "\t", "\r", "\r\n", "\n", "    ", "\0", "def ",
        "class ", "lambda ", "lambda: ", "yield ", "yield from ", "await ", "async ", "return ", "pass\n",
        "global x\n", "nonlocal x\n", "import ", "from . import ", "del ", "if ", "else:", "elif x:", "while ",
        "for x in ", "try:", "except:", "finally:", "with x as y:", "break\n", "continue\n", "raise ", "not ",
        "and ", "or ", "in ", "is ", "None", "True", "...", "0x", "0b1", "1e", "1j", "1_000", "f'{", "}", "!r",
        "b'", "r'", "rb'", "u'", "t'", "const(", "_X = const(1)\n", "@micropython.native\n",
        "@micropython.viper\n", "super()", "__class__", "*args", "**kw", "x=1, ", "*, ", "/, "};

    private final Random random;

    public GoldenMutator(long seed) {
        this.random = new Random(seed);
    }

    /** A mutant and the edits that made it. */
    public record Mutant(byte[] source, String edits) {
    }

    public Mutant mutate(byte[] original) {
        byte[] b = original;
        List<String> edits = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(8);
            int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int len = Math.min(b.length - at, random.nextInt(40));
            switch (kind) {
                case 0 -> {
                    b = splice(b, at, at + len, new byte[0]);
                    edits.add("delete " + at + "+" + len);
                }
                case 1 -> {
                    b = splice(b, at, at, Arrays.copyOfRange(b, at, at + len));
                    edits.add("repeat " + at + "+" + len);
                }
                case 2 -> {
                    String t = TOKENS[random.nextInt(TOKENS.length)];
                    b = splice(b, at, at, t.getBytes(StandardCharsets.ISO_8859_1));
                    edits.add("insert " + printable(t) + " at " + at);
                }
                case 3 -> {
                    byte[] noise = new byte[1 + random.nextInt(4)];
                    random.nextBytes(noise);
                    b = splice(b, at, at, noise);
                    edits.add("insert " + noise.length + " random bytes at " + at);
                }
                case 4 -> {
                    b = swapLines(b);
                    edits.add("swap two lines");
                }
                case 5 -> {
                    b = Arrays.copyOf(b, at);
                    edits.add("cut at " + at);
                }
                case 6 -> {
                    int line = lineStartNear(b, at);
                    String indent = random.nextBoolean() ? " " : "\t";
                    b = splice(b, line, line, indent.repeat(1 + random.nextInt(4)).getBytes(StandardCharsets.ISO_8859_1));
                    edits.add("indent the line at " + line);
                }
                default -> {
                    if (b.length > 0 && at < b.length) {
                        b = b.clone();
                        b[at] = (byte) random.nextInt(256);
                        edits.add("replace byte " + at);
                    }
                }
            }
        }
        return new Mutant(b, String.join(", ", edits));
    }

    private byte[] swapLines(byte[] b) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                lines.add(Arrays.copyOfRange(b, start, i + 1));
                start = i + 1;
            }
        }
        lines.add(Arrays.copyOfRange(b, start, b.length));
        if (lines.size() < 2) {
            return b;
        }
        int i = random.nextInt(lines.size());
        int j = random.nextInt(lines.size());
        byte[] t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static int lineStartNear(byte[] b, int at) {
        int i = Math.min(at, b.length);
        while (i > 0 && b[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    private static String printable(String t) {
        return "'" + t.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replace("\0", "\\0") + "'";
    }
}
