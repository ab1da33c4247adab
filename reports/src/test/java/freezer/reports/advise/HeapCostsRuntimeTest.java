package freezer.reports.advise;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.CompileOptions;
import freezer.core.MpyCompiler;
import freezer.image.layout.Target;
import freezer.testkit.RuntimeRunner;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The advisor's sizes are MicroPython's: each snippet's top level is run on the runtime
 * (../shared/runtime, a 32-bit port, as qemu-armv7m), and what it allocates must be exactly
 * what the advice counts for it, plus the temporaries the snippet names (objects the VM builds
 * and drops at once, which the runtime, never collecting while Python runs, still counts).
 */
class HeapCostsRuntimeTest {
    /** A module top level, and the bytes of garbage it makes on the way (with the reason). */
    private record Snippet(String code, int temporaries, String why) {
    }

    private static final List<Snippet> SNIPPETS = List.of(
            new Snippet("pass\n", 0, ""),
            new Snippet("A = 1\n", 0, ""),
            new Snippet("A = 1\nB = 2\nC = 3\nD = 4\nE = 5\nF = 6\nG = 7\nH = 8\nI = 9\nJ = 10\nK = 11\n", 0,
                    "eleven names: the table grows 2, 4, 6, 8, 10, 12, 17"),
            new Snippet("def f():\n    pass\n", 0, ""),
            new Snippet("def f(a=1, b=2):\n    pass\n", 16, "the tuple of defaults, copied into the function"),
            new Snippet("def f(a, *, c=3, d=4):\n    pass\n", 0, "keyword defaults stay in their dict"),
            new Snippet("square = lambda x: x * x\n", 0, ""),
            new Snippet("T = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n", 0, ""),
            new Snippet("T = []\n", 0, "an empty list still has room for four"),
            new Snippet("T = [[1, 2], [3, 4, 5, 6, 7]]\n", 0, ""),
            new Snippet("T = {1: 2, 3: 4, 5: 6}\n", 0, ""),
            new Snippet("T = {}\n", 0, ""),
            new Snippet("T = {1, 2, 3}\n", 0, ""),
            new Snippet("a = 1\nT = (a, a, a)\n", 0, ""),
            new Snippet("B = bytearray(100)\n", 0, ""),
            new Snippet("B = bytearray(b'abc')\n", 0, ""),
            new Snippet("class C:\n    pass\n", 16, "the function that runs the class body"),
            new Snippet("class C:\n    X = 1\n    def a(self):\n        pass\n    def b(self):\n        pass\n", 16,
                    "the function that runs the class body"),
            new Snippet("class E(Exception):\n    pass\n", 32, "the class body's function and the tuple of bases"));

    @Test
    void whatTheTopLevelAllocatesIsWhatTheAdviceCounts() throws IOException {
        Path dir = Shared.targetDir("advise-heap-costs");
        List<String> targets = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        Firmware firmware = Firmware.of(Target.QEMU_ARMV7M);
        HeapCosts costs = new HeapCosts(firmware);
        for (int i = 0; i < SNIPPETS.size(); i++) {
            Snippet s = SNIPPETS.get(i);
            String module = "s" + i;
            byte[] code = s.code().getBytes(StandardCharsets.UTF_8);
            Advisor.Result r = new Advisor(firmware).advise(List.of(new ModuleSource(module, module + ".py", code, false)));
            ModuleAdvice m = r.advice().modules().get(0);
            assertThat(m.unsizedObjects()).as(s.code()).isZero();
            // before its first line runs, a module already has its objects and __name__ and __file__
            expected.add(m.importBytes() - m.moduleBytes() - costs.mapTable(2) + s.temporaries());
            String measured = "_advise_t[0] = _advise_m()\n" + s.code() + "_advise_t[1] = _advise_m()\n";
            write(dir.resolve(module + ".mpy"), measured, module);
            String driver = "import builtins, gc, sys\n"
                    + "builtins._advise_t = [0, 0]\n"
                    + "builtins._advise_m = gc.mem_alloc\n"
                    + "import " + module + "\n"
                    + "del sys.modules['" + module + "']\n"
                    + "import " + module + "\n"
                    + "print(_advise_t[1] - _advise_t[0])\n";
            write(dir.resolve("d" + i + ".mpy"), driver, "d" + i);
            targets.add("d" + i);
        }
        Map<String, RuntimeRunner.Result> results = RuntimeRunner.runBatch(dir, targets, 60);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < SNIPPETS.size(); i++) {
            RuntimeRunner.Result r = results.get("d" + i);
            assertThat(r.status()).as(r.stderrText()).isEqualTo("ok");
            long measured = Long.parseLong(r.stdoutText().strip());
            if (measured != expected.get(i)) {
                wrong.add(SNIPPETS.get(i).code().strip().replace("\n", "; ") + ": measured " + measured
                        + ", counted " + expected.get(i));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void write(Path to, String code, String name) throws IOException {
        Files.write(to, MpyCompiler.compileToMpy(code.getBytes(StandardCharsets.UTF_8), name + ".py",
                CompileOptions.DEFAULT.withSourceName(name + ".py")));
    }
}
