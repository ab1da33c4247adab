package freezer.reports.advise;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.image.layout.Target;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the advisor must make a suggestion, and when it must not: each rule of docs/advise.md
 * on the smallest program that shows it, with the edit it makes checked as text.
 */
class AdviceRulesTest {

    // const

    @Test
    void anIntAssignedOnceAndReadOnlyHereBecomesAPrivateConst() {
        Finding f = only(FindingKind.CONST, "X = 5\ndef f():\n    return X + X\nprint(f())\n");
        assertThat(f.suggestion()).isEqualTo("_X = const(5)");
        assertThat(f.ramBytes()).isEqualTo(8);
        assertThat(edited(f, "X = 5\ndef f():\n    return X + X\nprint(f())\n"))
                .isEqualTo("_X = const(5)\ndef f():\n    return _X + _X\nprint(f())\n");
    }

    @Test
    void theValueIsWrappedAsWrittenUpToAComment() {
        String src = "MASK = (1 << 4) - 1  # low bits\nprint(MASK)\n";
        assertThat(edited(only(FindingKind.CONST, src), src)).isEqualTo("_MASK = const((1 << 4) - 1)  # low bits\n"
                + "print(_MASK)\n");
    }

    @Test
    void aNameReadBeforeItsLineStaysPublic() {
        Finding f = only(FindingKind.CONST, "def f():\n    return X\nX = 5\nprint(f(), X)\n");
        assertThat(f.suggestion()).isEqualTo("X = const(5)");
        assertThat(f.ramBytes()).isZero();
    }

    @Test
    void aNameAnotherModuleReadsStaysPublic() {
        List<Finding> fs = findings(List.of(module("lib", "X = 5\nprint(X)\n"),
                module("app", "import lib\nprint(lib.X)\n")), FindingKind.CONST);
        assertThat(fs).extracting(Finding::suggestion).containsExactly("X = const(5)");
    }

    @Test
    void noConstWhenTheNameIsBoundAgainAnywhere() {
        none(FindingKind.CONST, "X = 5\nX = 6\nprint(X)\n");
        none(FindingKind.CONST, "X = 5\ndef f():\n    global X\n    X = 6\nf()\nprint(X)\n");
        none(FindingKind.CONST, "X = 5\ndef f(X):\n    return X\nprint(f(1), X)\n");
        none(FindingKind.CONST, "X = 5\nfor X in range(2):\n    pass\nprint(X)\n");
        none(FindingKind.CONST, "X = 5\nprint([X for X in (1, 2)], X)\n");
        none(FindingKind.CONST, "X = 5\nimport X\n");
        none(FindingKind.CONST, "X = 5\ndel X\n");
        none(FindingKind.CONST, "X = 5\nX += 1\nprint(X)\n");
        none(FindingKind.CONST, "X = 5\nclass C:\n    X = 1\nprint(X)\n");
    }

    @Test
    void noConstWhenTheNameIsAKeywordArgument() {
        // after X = const(5), the parser would turn f(X=1) into f(5=1)
        none(FindingKind.CONST, "X = 5\ndef f(**k):\n    return k\nprint(f(X=1), X)\n");
    }

    @Test
    void noConstForWhatIsNotAnIntOrNotAlwaysAssigned() {
        none(FindingKind.CONST, "X = 5.0\nprint(X)\n");
        none(FindingKind.CONST, "X = 'five'\nprint(X)\n");
        none(FindingKind.CONST, "X = True\nprint(X)\n");
        none(FindingKind.CONST, "import sys\nif sys:\n    X = 5\nprint(X)\n");
        assertThat(findings(List.of(module("m", "Y = 1\nX = Y + 1\nprint(X)\n")), FindingKind.CONST))
                .extracting(Finding::name).containsExactly("Y");
    }

    @Test
    void noAdviceAboutNamesWhenTheModuleCanReachThemByString() {
        none(FindingKind.CONST, "from os import *\nX = 5\nprint(X)\n");
        none(FindingKind.CONST, "X = 5\nprint(globals()['X'])\n");
    }

    @Test
    void anOtherModuleStoringTheNameBlocksEvenAPublicConst() {
        List<Finding> fs = findings(List.of(module("lib", "X = 5\ndef get():\n    return X\n"),
                module("app", "import lib\nlib.X = 6\nprint(lib.get())\n")), FindingKind.CONST);
        assertThat(fs).isEmpty();
    }

    // literal

    @Test
    void aListOfBytesOnlyReadBecomesABytesLiteral() {
        String src = "T = [1, 2, 3, 255]\nprint(T[0], len(T), [v for v in T])\n";
        Finding f = only(FindingKind.LITERAL, src);
        assertThat(edited(f, src)).isEqualTo("T = b'\\x01\\x02\\x03\\xff'\nprint(T[0], len(T), [v for v in T])\n");
        assertThat(f.ramBytes()).isEqualTo(16 + 16);
    }

    @Test
    void aListTestedWithInOrHoldingOtherConstantsBecomesATuple() {
        String src = "T = [1, 2, 3, 4]\nprint(2 in T)\n";
        assertThat(edited(only(FindingKind.LITERAL, src), src)).isEqualTo("T = (1, 2, 3, 4)\nprint(2 in T)\n");
        String words = "T = [\n    'a',\n    'b',\n    'c',\n    'd',\n]\nprint(T[1])\n";
        assertThat(edited(only(FindingKind.LITERAL, words), words))
                .isEqualTo("T = (\n    'a',\n    'b',\n    'c',\n    'd',\n)\nprint(T[1])\n");
    }

    @Test
    void noLiteralForAListThatIsChangedPassedOnSlicedOrShort() {
        none(FindingKind.LITERAL, "T = [1, 2, 3, 4]\nT.append(5)\n");
        none(FindingKind.LITERAL, "T = [1, 2, 3, 4]\nT[0] = 5\n");
        none(FindingKind.LITERAL, "T = [1, 2, 3, 4]\nT[0] += 5\n");
        none(FindingKind.LITERAL, "T = [1, 2, 3, 4]\ndel T[0]\n");
        none(FindingKind.LITERAL, "T = [1, 2, 3, 4]\nprint(T)\n");
        none(FindingKind.LITERAL, "T = [1, 2, 3, 4]\nprint(T[1:])\n");
        none(FindingKind.LITERAL, "T = [1, 2]\nprint(T[0])\n");
        none(FindingKind.LITERAL, "x = 1\nT = [x, 2, 3, 4]\nprint(T[0])\n");
        none(FindingKind.LITERAL, "def len(x):\n    return 0\nT = [1, 2, 3, 4]\nprint(len(T))\n");
    }

    @Test
    void noLiteralWhenAnotherModuleSeesTheList() {
        List<Finding> fs = findings(List.of(module("lib", "T = [1, 2, 3, 4]\nprint(T[0])\n"),
                module("app", "from lib import T\nT.append(5)\n")), FindingKind.LITERAL);
        assertThat(fs).isEmpty();
    }

    // loop-global

    @Test
    void aGlobalReadTwiceOnEveryPassGetsALocalAlias() {
        String src = "K = 3.5\ndef f(xs):\n    out = 0\n    for x in xs:\n        out += x * K + K\n    return out\n"
                + "print(f([1, 2]))\n";
        Finding f = only(FindingKind.LOOP_GLOBAL, src);
        assertThat(edited(f, src)).isEqualTo("K = 3.5\ndef f(xs):\n    out = 0\n    _K = K\n    for x in xs:\n"
                + "        out += x * _K + _K\n    return out\nprint(f([1, 2]))\n");
        assertThat(f.line()).isEqualTo(5);
        assertThat(f.ramBytes()).isZero();
    }

    @Test
    void theAliasKeepsTheFilesLineBreaksAndAvoidsTakenNames() {
        String src = "K = [3]\r\n_K = 0\r\ndef f(xs):\r\n    while xs:\r\n        xs = xs[K:] + xs[:K]\r\n"
                + "print(f([1]), _K)\r\n";
        Finding f = only(FindingKind.LOOP_GLOBAL, src);
        assertThat(edited(f, src)).contains("    _K2 = K\r\n    while xs:\r\n        xs = xs[_K2:] + xs[:_K2]\r\n");
    }

    @Test
    void noAliasWhereTheGlobalCouldChangeDuringTheLoopOrNotExistYet() {
        String loop = "    for x in xs:\n        print(K + K)\n";
        assertThat(findings(List.of(module("m", "K = 1.5\ndef f(xs):\n" + loop)), FindingKind.LOOP_GLOBAL))
                .extracting(Finding::name).containsExactly("K");
        none(FindingKind.LOOP_GLOBAL, "K = 1.5\ndef f(xs):\n" + loop + "        yield x\n");
        none(FindingKind.LOOP_GLOBAL, "K = 1.5\nasync def f(xs):\n" + loop);
        none(FindingKind.LOOP_GLOBAL, "K = 1.5\ndef f(xs):\n" + loop + "def g():\n    global K\n    K = 2\n");
        none(FindingKind.LOOP_GLOBAL, "def f(xs):\n" + loop + "K = 1.5\n");
        none(FindingKind.LOOP_GLOBAL, "import sys\nif sys:\n    K = 1.5\ndef f(xs):\n" + loop);
        none(FindingKind.LOOP_GLOBAL, "K = 1.5\ndef f(xs):\n" + loop + "del K\n");
        none(FindingKind.LOOP_GLOBAL, "K = 1.5\ndef f(xs):\n    for x in xs:\n        print(K)\n");
    }

    @Test
    void rangeInACounterLoopIsNotARead() {
        // for i in range(n) compiles to a counter: aliasing range would make it build range objects
        none(FindingKind.LOOP_GLOBAL, "def f(n):\n    for i in range(n):\n        for j in range(n):\n"
                + "            print(i, j)\n");
        assertThat(findings(List.of(module("m", "def f(n):\n    for i in range(n):\n        for j in range(n, 0, n):\n"
                + "            print(range(j), range(i))\n            print()\n")), FindingKind.LOOP_GLOBAL))
                .extracting(Finding::name).containsExactly("range", "print");
    }

    @Test
    void aBuiltinEveryPortHasCanBeAliased() {
        String src = "def f(xs):\n    n = 0\n    for x in xs:\n        n += len(x) * len(x)\n    return n\n";
        assertThat(only(FindingKind.LOOP_GLOBAL, src).suggestion()).startsWith("_len = len before the loop at line 3");
        none(FindingKind.LOOP_GLOBAL, src.replace("len", "max"));
    }

    @Test
    void aConstSuggestionWinsOverAnAliasForTheSameName() {
        String src = "K = 3\ndef f(xs):\n    for x in xs:\n        print(K * K)\nf([1])\n";
        assertThat(findings(List.of(module("m", src)), null)).extracting(Finding::kind)
                .containsExactly(FindingKind.CONST);
    }

    @Test
    void namesInsideFStringsAreNeverRenamed() {
        // f"{n=}" prints the expression's own text: a rename would change the output
        none(FindingKind.CONST, "n = 7\nprint(f\"{n=}\")\n");
        none(FindingKind.CONST, "n = 7\nprint(t\"{n}\")\n");
        String plain = "n = 7\nprint(n, '{n}'.format(n=n))\n";
        assertThat(findings(List.of(module("m", plain)), FindingKind.CONST)).isEmpty();
        assertThat(only(FindingKind.CONST, "n = 7\nprint(n, '{}'.format(n))\n").suggestion()).isEqualTo("_n = const(7)");
    }

    // positions

    @Test
    void findingsPointAtTheNameEvenAfterIndentationAndUnicode() {
        String src = "é = 1\nclass C:\n    pass\nWIDTH = 5\nprint('é', WIDTH)\n";
        Finding f = findings(List.of(module("m", src)), FindingKind.CONST).stream()
                .filter(x -> x.name().equals("WIDTH")).findFirst().orElseThrow();
        assertThat(f.line()).isEqualTo(4);
        assertThat(f.column()).isEqualTo(1);
    }

    private static ModuleSource module(String name, String code) {
        return new ModuleSource(name, name + ".py", code.getBytes(StandardCharsets.UTF_8), false);
    }

    private static List<Finding> findings(List<ModuleSource> modules, FindingKind kind) {
        Advisor.Result r = new Advisor(Firmware.of(Target.QEMU_ARMV7M)).advise(modules);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.droppedEdits()).isZero();
        List<Finding> out = new ArrayList<>();
        for (ModuleAdvice m : r.advice().modules()) {
            for (Finding f : m.findings()) {
                if (kind == null || f.kind() == kind) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static Finding only(FindingKind kind, String code) {
        List<Finding> fs = findings(List.of(module("m", code)), kind);
        assertThat(fs).as(code).hasSize(1);
        return fs.get(0);
    }

    private static void none(FindingKind kind, String code) {
        assertThat(findings(List.of(module("m", code)), kind)).as(code).isEmpty();
    }

    private static String edited(Finding f, String code) {
        return new String(f.edit().apply(code.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
