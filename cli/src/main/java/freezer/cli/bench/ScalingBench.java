package freezer.cli.bench;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.MpyCompiler;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * {@code freezer bench --scaling}: compiles generated modules of size n, 2n, 4n and 8n along each
 * dimension a module can grow in, warm in this JVM, and prints how the time grows. A linear
 * compiler takes about 8 times as long for 8n as for n; a quadratic one about 64 times. Figures
 * only: the verdict column says where to look, nothing fails.
 */
public final class ScalingBench {
    /** Steps of the size: n, 2n, 4n, 8n. */
    private static final int[] FACTORS = {1, 2, 4, 8};
    /** Above this t(8n)/t(n) a dimension is flagged: between n log n (about 8 to 10) and quadratic (64). */
    private static final double FLAG_RATIO = 16;
    private static final int RUNS = 3;

    /** A way a module grows; {@code base} is n at scale 1. */
    enum Dimension {
        CONSTANTS("float constants in one list", 2_000, n -> list(n, i -> i + ".25")),
        TUPLES("constant tuples in one list", 2_000, n -> list(n, i -> "(" + i + ", 's" + i + "', " + i + ".5)")),
        STRINGS("distinct strings (qstrs)", 2_000, n -> list(n, i -> "'string_" + i + "'")),
        GLOBALS("distinct global names", 2_000, n -> lines(n, i -> "name_" + i + " = " + i)),
        FUNCTIONS("functions in a module", 500, n -> lines(n, i -> "def f" + i + "(a, b=" + i + "):\n"
                + "    return a * b + " + i + "\n")),
        STATEMENTS("statements in one function", 2_000, n -> "def f(x):\n"
                + lines(n, i -> "    x = x + " + i + " if x < " + i + " else x - 1") + "    return x\n"),
        LOCALS("locals in one function", 500, n -> "def f():\n" + lines(n, i -> "    v" + i + " = " + i)
                + "    return v0\n"),
        PARAMETERS("parameters of one function", 1_000, n -> "def f(" + String.join(", ", items(n, i -> "a" + i))
                + "):\n    return a0\n"),
        CLOSURES("closures in one function", 500, n -> "def f():\n" + lines(100, i -> "    c" + i + " = " + i)
                + lines(n, i -> "    g(w" + i + ", lambda: c" + (i % 100) + ")")),
        BRANCHES("elif branches in one chain", 100, n -> "def f(x):\n    if x == -1:\n        return -1\n"
                + lines(n, i -> "    elif x == " + i + ":\n        x = g(x, " + i + ")") + "    return x\n"),
        KEYWORDS("keyword arguments in one call", 1_000, n -> "f(" + String.join(", ", items(n, i -> "k" + i + "=" + i))
                + ")\n"),
        BLOCKS("nested if blocks", 50, n -> nested(n, i -> "if x > " + i + ":", "x = 0")),
        DEFS("nested functions", 20, n -> nested(n, i -> "def f" + i + "(a" + i + "):", "return a0")),
        HANDLERS("try blocks in one function", 300, n -> "def f(x):\n" + lines(n, i -> "    try:\n        x = g(x)\n"
                + "    except ValueError as e" + i + ":\n        x = " + i) + "    return x\n"),
        DICT("entries in one dict display", 2_000, n -> "D = {\n" + lines(n, i -> "    'k" + i + "': " + i + ",")
                + "}\n"),
        STRING_LENGTH("characters in one string literal", 50_000, n -> "S = '" + "abcdefghij".repeat(n / 10)
                + "'\n"),
        NESTING("nested brackets in one expression", 100, n -> "x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n"),
        LINE_LENGTH("items on one line", 2_000, n -> "x = [" + String.join(", ", items(n, i -> "a" + (i % 50)))
                + "]\n"),
        CLASSES("classes with methods (file size)", 200, n -> lines(n, i -> "class C" + i + ":\n"
                + "    def __init__(self, v):\n        self.v = v\n"
                + "    def get(self):\n        return self.v + " + i + "\n"));

        private final String what;
        private final int base;
        private final IntFunction<String> source;

        Dimension(String what, int base, IntFunction<String> source) {
            this.what = what;
            this.base = base;
            this.source = source;
        }
    }

    private final PrintStream out;
    private final double scale;

    /** @param scale multiplies every dimension's n (1 for the figures in docs/performance.md) */
    public ScalingBench(PrintStream out, double scale) {
        this.out = out;
        this.scale = scale;
    }

    /** Runs every dimension; false when a generated module did not compile (a defect: it is printed). */
    public boolean run() {
        out.println("machine: " + Machine.describe());
        out.printf(Locale.ROOT, "%-36s %7s %9s %9s %9s %9s %7s  %s%n", "dimension", "n", "n ms", "2n ms", "4n ms",
                "8n ms", "8n/n", "growth");
        boolean ok = true;
        for (Dimension d : Dimension.values()) {
            int n = Math.max(1, (int) Math.round(d.base * scale));
            double[] ms = new double[FACTORS.length];
            try {
                // warm up on the smallest and the largest size, so the JIT does not count as growth
                time(d, n, 2);
                time(d, n * FACTORS[FACTORS.length - 1], 1);
                for (int i = 0; i < FACTORS.length; i++) {
                    ms[i] = time(d, n * FACTORS[i], RUNS);
                }
            } catch (CompileError e) {
                out.println(d.name().toLowerCase(Locale.ROOT) + ": the generated module does not compile: "
                        + e.getMessage());
                ok = false;
                continue;
            }
            double ratio = ms[FACTORS.length - 1] / Math.max(ms[0], 0.001);
            out.printf(Locale.ROOT, "%-36s %7d %9.1f %9.1f %9.1f %9.1f %7.1f  %s%n", d.what, n, ms[0], ms[1], ms[2],
                    ms[3], ratio, ratio > FLAG_RATIO ? "SUPERLINEAR?" : "linear");
        }
        out.println("8n/n: the time for 8n over the time for n (linear: about 8; quadratic: about 64); each time is"
                + " the median of " + RUNS + " warm compiles");
        return ok;
    }

    /** The median wall time of {@code runs} compiles of the dimension's module of size n, in milliseconds. */
    private static double time(Dimension d, int n, int runs) {
        byte[] src = d.source.apply(n).getBytes(StandardCharsets.UTF_8);
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            MpyCompiler.compileToMpy(src, "scaling_" + d.name().toLowerCase(Locale.ROOT) + ".py", CompileOptions.DEFAULT);
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static String list(int n, IntFunction<String> item) {
        return "X = [\n" + lines(n, i -> "    " + item.apply(i) + ",") + "]\n";
    }

    private static String lines(int n, IntFunction<String> line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(line.apply(i)).append('\n');
        }
        return sb.toString();
    }

    /** n headers, each opening a block inside the last, around a body. */
    private static String nested(int n, IntFunction<String> header, String body) {
        StringBuilder sb = new StringBuilder("x = 1\n");
        for (int i = 0; i < n; i++) {
            sb.append(" ".repeat(i)).append(header.apply(i)).append('\n');
        }
        return sb.append(" ".repeat(n)).append(body).append('\n').toString();
    }

    private static String[] items(int n, IntFunction<String> item) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = item.apply(i);
        }
        return out;
    }
}
