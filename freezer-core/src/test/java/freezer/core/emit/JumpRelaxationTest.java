package freezer.core.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.CompileWork;
import freezer.core.MpyCompiler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link JumpRelaxation} against the pass-by-pass loop it stands for: the same .mpy bytes for
 * generated functions whose jumps sit around the 1-byte limits, and work that grows as n log n
 * where the loop's grows as n squared.
 */
class JumpRelaxationTest {
    /** The .mpy bytes, or the error's text, compiled counting into {@code work}. */
    private static String compile(String source, CompileWork work) {
        try {
            byte[] mpy = MpyCompiler.compileToMpy(source.getBytes(StandardCharsets.UTF_8), "t.py",
                    CompileOptions.DEFAULT, work);
            return new String(mpy, StandardCharsets.ISO_8859_1);
        } catch (CompileError e) {
            return "error: " + e.getMessage();
        }
    }

    /** Compiles each source both ways and fails on the first that differs, naming the first byte. */
    private static void assertSameBytes(List<String> sources) {
        CompileWork work = new CompileWork();
        List<String> relaxed = new ArrayList<>();
        for (String source : sources) {
            relaxed.add(compile(source, work));
        }
        long used = work.functionsRelaxed();
        long fellBack = work.relaxationFellBackCount();
        for (int i = 0; i < sources.size(); i++) {
            String expected = compile(sources.get(i), CompileWork.withoutJumpRelaxation());
            String actual = relaxed.get(i);
            if (!expected.equals(actual)) {
                int at = 0;
                while (at < Math.min(expected.length(), actual.length())
                        && expected.charAt(at) == actual.charAt(at)) {
                    at++;
                }
                fail("program " + i + ": first difference at byte " + at + " (lengths " + expected.length()
                        + " and " + actual.length() + ")\n" + sources.get(i));
            }
        }
        System.out.printf("%d programs: %d functions relaxed, %d compiled pass by pass%n", sources.size(), used,
                fellBack);
        assertThat(used).as("functions the relaxation worked out").isPositive();
        assertThat(fellBack).as("functions the relaxation left to the pass-by-pass loop").isZero();
    }

    private static String function(int n, IntFunction<String> line) {
        StringBuilder sb = new StringBuilder("def f(x, y):\n");
        for (int i = 0; i < n; i++) {
            sb.append(line.apply(i));
        }
        return sb.append("    return x\n").toString();
    }

    /** A statement of about 4 + 2k bytes: a tuple of k names. */
    private static String pad(String indent, int k) {
        return indent + "y = (" + "x, ".repeat(k) + ")\n";
    }

    @Test
    void longFunctionsOfConditionals() {
        List<String> sources = new ArrayList<>();
        for (int n : new int[] {1, 5, 40, 100, 300, 1000}) {
            sources.add(function(n, i -> "    x = x + " + i + " if x < " + i + " else x - 1\n"));
            sources.add(function(n, i -> "    if x < " + i + ":\n        x = x + 1\n    else:\n" + pad("        ", i % 70)));
            sources.add(function(n, i -> "    x = x and y or " + i + "\n"));
        }
        assertSameBytes(sources);
    }

    @Test
    void bodiesAroundTheOneByteLimits() {
        List<String> sources = new ArrayList<>();
        for (int k = 20; k < 75; k++) {
            int size = k;
            // a while loop's backward jump near -64, with and without continue and break
            sources.add(function(3, i -> "    while x < " + i + ":\n" + pad("        ", size / 2)
                    + "        if y:\n            continue\n" + pad("        ", size / 2) + "        x = x + 1\n"));
            sources.add(function(3, i -> "    while x:\n        if y:\n            break\n" + pad("        ", size)));
            // a body near 127 bytes under an unsigned jump, and an if near 63 under a signed one
            sources.add(function(3, i -> "    for i in y:\n" + pad("        ", size) + "        if i:\n"
                    + pad("            ", size / 3) + "            break\n"));
            sources.add(function(4, i -> "    if x:\n" + pad("        ", size) + "    else:\n" + pad("        ", i)));
            sources.add(function(2, i -> "    try:\n" + pad("        ", size) + "    finally:\n        x = 1\n"));
            sources.add(function(2, i -> "    with x:\n" + pad("        ", size) + "        if y:\n"
                    + "            return 1\n"));
            sources.add(function(2, i -> "    for i in x:\n        try:\n" + pad("            ", size)
                    + "            if y:\n                continue\n        finally:\n            y = 0\n"));
            sources.add(function(2, i -> "    def g():\n        return x\n    for i in y:\n"
                    + "        try:\n            if x:\n                break\n" + pad("            ", size)
                    + "        except E:\n            x = g\n"));
        }
        assertSameBytes(sources);
    }

    @Test
    void overflowAndLongSpans() {
        IntFunction<String> line = i -> "        x = x + " + i + " if x < " + i + " else x - 1\n";
        List<String> sources = new ArrayList<>();
        for (int n : new int[] {1_500, 2_000, 2_500}) {
            // an if whose body is 20 to 40 KB: its jump fits in 15 bits or overflows
            sources.add(function(1, i -> "    if x:\n" + function(n, line).lines().skip(1).limit(n)
                    .map(l -> l + "\n").reduce("", String::concat) + "    else:\n        y = 1\n"));
        }
        sources.add(function(1, i -> "    while x:\n" + function(200, line).lines().skip(1).limit(200)
                .map(l -> l + "\n").reduce("", String::concat)));
        List<String> results = new ArrayList<>();
        for (String source : sources) {
            results.add(compile(source, new CompileWork()));
        }
        assertThat(results).anyMatch(r -> r.contains("bytecode overflow")).anyMatch(r -> !r.startsWith("error"));
        assertSameBytes(sources);
    }

    /**
     * A small forward jump 127 bytes from its label, after a jump that shrinks in the next pass:
     * it would grow, which the relaxation leaves to the pass-by-pass loop.
     */
    @Test
    void aJumpThatWouldGrowIsLeftToThePassByPassLoop() {
        JumpRelaxation r = new JumpRelaxation(new int[] {0, 20}, new int[] {0, 1}, new boolean[] {false, false},
                new boolean[] {true, false}, new int[] {10, 149}, new int[] {1, 2}, new int[] {11, 150});
        assertThat(r.run()).isNull();
        // the same without the jump before: nothing moves, the offsets stay
        JumpRelaxation alone = new JumpRelaxation(new int[] {0}, new int[] {0}, new boolean[] {false},
                new boolean[] {false}, new int[] {129}, new int[] {1}, new int[] {129});
        assertThat(alone.run()).containsExactly(129);
    }

    @Test
    void randomMixes() {
        assertSameBytes(mixes(20261207, 3000));
    }

    /** Functions of random statements, one in ten of them long. */
    static List<String> mixes(long seed, int count) {
        Random random = new Random(seed);
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int statements = i % 10 == 0 ? 400 : 60;
            Mix mix = new Mix(random, statements);
            StringBuilder sb = new StringBuilder("def f(x, y):\n");
            mix.block(sb, "    ", 0, statements);
            sb.append("    return x\n");
            sources.add(sb.toString());
        }
        return sources;
    }

    /** Random statements: conditionals, loops with break and continue, try, with, closures, padding. */
    private static final class Mix {
        private final Random random;
        /** Statements left to write: nested blocks would otherwise multiply. */
        private int budget;

        Mix(Random random, int budget) {
            this.random = random;
            this.budget = budget;
        }

        void block(StringBuilder sb, String indent, int depth, int statements) {
            // a block needs one statement; the budget only cuts the rest
            statement(sb, indent, depth);
            for (int s = 1; s < statements && budget > 0; s++) {
                statement(sb, indent, depth);
            }
        }

        private int size() {
            int r = random.nextInt(10);
            return r < 5 ? 1 + random.nextInt(3) : r < 9 ? 1 + random.nextInt(6) : 10 + random.nextInt(40);
        }

        private void statement(StringBuilder sb, String indent, int depth) {
            budget--;
            if (random.nextInt(8) == 0) {
                // lines that step the line table by more than one: its 2-byte entries
                sb.append(indent).append("# ").append("\n".repeat(1 + random.nextInt(30)));
            }
            String in = indent + "    ";
            int kind = depth >= 4 ? random.nextInt(4) : random.nextInt(13);
            switch (kind) {
                case 0 -> sb.append(pad(indent, random.nextInt(40)));
                case 1 -> sb.append(indent).append("x = x + 1 if x < y else x - 1\n");
                case 2 -> sb.append(indent).append("x = x and y or ").append(random.nextInt(300)).append('\n');
                case 3 -> sb.append(indent).append("y = f(x, ").append(random.nextInt(99)).append(")\n");
                case 4 -> {
                    sb.append(indent).append("if x < ").append(random.nextInt(9)).append(":\n");
                    block(sb, in, depth + 1, size());
                    if (random.nextBoolean()) {
                        sb.append(indent).append("elif y:\n");
                        block(sb, in, depth + 1, size());
                    }
                    if (random.nextBoolean()) {
                        sb.append(indent).append("else:\n");
                        block(sb, in, depth + 1, size());
                    }
                }
                case 5 -> {
                    sb.append(indent).append("while x > y:\n");
                    loopBody(sb, in, depth);
                }
                case 6 -> {
                    sb.append(indent).append("for i in range(x):\n");
                    loopBody(sb, in, depth);
                    if (random.nextInt(4) == 0) {
                        sb.append(indent).append("else:\n");
                        block(sb, in, depth + 1, size());
                    }
                }
                case 7 -> {
                    sb.append(indent).append("try:\n");
                    block(sb, in, depth + 1, size());
                    if (random.nextBoolean()) {
                        sb.append(indent).append("except ValueError:\n");
                        block(sb, in, depth + 1, size());
                    }
                    sb.append(indent).append("finally:\n");
                    block(sb, in, depth + 1, size());
                }
                case 8 -> {
                    sb.append(indent).append("with x as y:\n");
                    block(sb, in, depth + 1, size());
                }
                case 9 -> {
                    sb.append(indent).append("def g(a):\n").append(in).append("return a + x\n");
                    sb.append(indent).append("x = g\n");
                }
                case 10 -> {
                    sb.append(indent).append("if y:\n").append(in).append("return x\n");
                    if (random.nextBoolean()) {
                        // unreachable code after a return
                        sb.append(in).append("x = 1\n");
                    }
                }
                case 11 -> {
                    sb.append(indent).append("try:\n");
                    block(sb, in, depth + 1, size());
                    sb.append(indent).append("except:\n");
                    block(sb, in, depth + 1, size());
                }
                default -> sb.append(indent).append("x = [i for i in y if i]\n");
            }
        }

        private void loopBody(StringBuilder sb, String in, int depth) {
            String deeper = in + "    ";
            int n = size();
            for (int s = 0; s < n && (s == 0 || budget > 0); s++) {
                int r = random.nextInt(8);
                if (r == 0) {
                    sb.append(in).append("if y:\n").append(deeper).append("break\n");
                } else if (r == 1) {
                    sb.append(in).append("if x:\n").append(deeper).append("continue\n");
                } else if (r == 2) {
                    sb.append(in).append("try:\n");
                    block(sb, deeper, depth + 2, size());
                    sb.append(deeper).append(random.nextBoolean() ? "break\n" : "continue\n");
                    sb.append(in).append("finally:\n");
                    block(sb, deeper, depth + 2, 1);
                } else {
                    statement(sb, in, depth + 1);
                }
            }
        }
    }

    /**
     * The relaxation's work on 32,000 conditionals against c n log2 n, a bound the pass-by-pass
     * loop exceeds many times over (counted the same way, in replayed steps, on 8,000).
     */
    @Test
    void workGrowsAsNLogN() {
        IntFunction<String> line = i -> "    x = x + " + i + " if x < " + i + " else x - 1\n";
        int n = 32_000;
        CompileWork relaxed = new CompileWork();
        compile(function(n, line), relaxed);
        long work = relaxed.relaxationWork();
        double bound = 20 * n * (Math.log(n) / Math.log(2));
        System.out.printf("relaxation on %d conditionals: work %d, bound %.0f%n", n, work, bound);
        assertThat(relaxed.functionsRelaxed()).isEqualTo(1);
        assertThat((double) work).isLessThan(bound);

        int small = 8_000;
        CompileWork loop = CompileWork.withoutJumpRelaxation();
        compile(function(small, line), loop);
        long steps = loop.replayedSteps();
        double smallBound = 20 * small * (Math.log(small) / Math.log(2));
        System.out.printf("pass-by-pass loop on %d conditionals: %d steps, bound %.0f%n", small, steps, smallBound);
        assertThat((double) steps).isGreaterThan(5 * smallBound);
    }
}
