package freezer.image.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviours of the evaluator that the golden and recorded cases do not pin down on their own. */
class ManifestEvaluatorTest {
    private static Path dir;

    @BeforeAll
    static void tree() throws IOException {
        dir = Shared.targetDir("manifest-evaluator");
        Files.writeString(dir.resolve("a.py"), "a = 1\n");
        Files.createDirectories(dir.resolve("pkg/sub"));
        Files.writeString(dir.resolve("pkg/__init__.py"), "");
        Files.writeString(dir.resolve("pkg/sub/m.py"), "m = 1\n");
    }

    private static Manifest evaluate(String code, PathVariables vars) {
        return new ManifestEvaluator(vars, dir).evaluate(List.of(new ManifestInput.Code(code)));
    }

    private static List<String> targets(Manifest m) {
        return m.entries().stream().map(e -> e.kind() + " " + e.target() + " -O" + e.opt()).toList();
    }

    @ParameterizedTest(name = "opt={0} compiles with -O{1}")
    @CsvSource({"0, 0", "1, 1", "3, 3", "10, 1", "True, 1", "False, 1", "'\"2\"', 2", "'\"OO\"', 3", "None, 0", "-1, 1"})
    void optIsTheLevelMpyCrossReadsFromMinusOAndTheValue(String opt, int level) {
        Manifest m = evaluate("module('a.py', opt=" + opt + ")", PathVariables.none());
        assertThat(m.entries().get(0).opt()).isEqualTo(level);
    }

    @Test
    void aVariableIsNeededOnlyWhereAManifestUsesIt() {
        assertThat(targets(evaluate("module('a.py')", PathVariables.none()))).containsExactly("COMPILE a.py -O0");
        assertThat(targets(evaluate("module('a.py', base_path='$(SRC)')",
                PathVariables.of(Map.of("SRC", dir.toString()))))).containsExactly("COMPILE a.py -O0");
    }

    @Test
    void variablesFromTheCommandLineBecomeAbsoluteOnlyWhenThePathExists() {
        PathVariables v = PathVariables.fromAssignments(List.of("A=pkg", "B=nowhere", "C=x=y", "A=pkg/sub", "E="), dir);
        assertThat(v.values()).containsExactly(Map.entry("A", dir.resolve("pkg/sub").toString()),
                Map.entry("B", "nowhere"), Map.entry("C", "x=y"), Map.entry("E", ""));
        assertThatThrownBy(() -> PathVariables.fromAssignments(List.of("NOEQUALS"), dir))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void variablesAreSubstitutedInTheOrderGiven() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("OUTER", "$(INNER)/pkg");
        vars.put("INNER", dir.toString());
        assertThat(targets(evaluate("package('sub', base_path='$(OUTER)')", PathVariables.of(vars))))
                .containsExactly("COMPILE sub/m.py -O0");
    }

    @Test
    void manifestCodeRunsInTheCurrentFolderAndSharesTheEvaluationWithFiles() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("code"));
        Files.writeString(sub.resolve("manifest.py"), "module('../a.py')\n");
        Manifest m = new ManifestEvaluator(PathVariables.none(), dir).evaluate(List.of(
                new ManifestInput.File(Path.of("code/manifest.py")),
                new ManifestInput.Code("include('code'); module('a.py'); metadata(version='7')")));
        assertThat(m.entries()).extracting(ManifestEntry::target).containsExactly("../a.py", "a.py");
        // metadata set later at the top level still tags every top-level file, as upstream's shared object does
        assertThat(m.entries()).extracting(ManifestEntry::version).containsExactly("7", "7");
        assertThat(m.entries().get(0).origin()).isEqualTo(new ManifestOrigin(sub.resolve("manifest.py"), 1, 1));
        assertThat(m.entries().get(1).origin()).isEqualTo(new ManifestOrigin(ManifestOrigin.CODE, 1, 18));
    }

    @Test
    void theInputKindFollowsMakemanifestsRule() {
        assertThat(ManifestInput.of("boards/manifest.py")).isEqualTo(new ManifestInput.File(Path.of("boards/manifest.py")));
        assertThat(ManifestInput.of("modules.json")).isEqualTo(new ManifestInput.Json(Path.of("modules.json")));
        assertThat(ManifestInput.of("require('unittest'); freeze('test-frzmpy', ('frozen_const.py'))"))
                .isInstanceOf(ManifestInput.Code.class);
        assertThat(ManifestInput.of("manifest.PY")).isInstanceOf(ManifestInput.Code.class);
    }

    @Test
    void theQemuPortsCodeManifestsResolve() throws IOException {
        Path qemu = Files.createDirectories(dir.resolve("qemu/test-frzmpy"));
        Files.writeString(qemu.resolve("frozen_const.py"), "c = 1\n");
        Path lib = Files.createDirectories(dir.resolve("qemu/lib/python-stdlib/unittest/unittest"));
        Files.writeString(lib.getParent().resolve("manifest.py"), "metadata(version='0.10.4')\npackage('unittest')\n");
        Files.writeString(lib.resolve("__init__.py"), "u = 1\n");
        for (String code : List.of("require('unittest'); freeze('test-frzmpy', ('frozen_const.py'))",
                "require('unittest'); freeze('test-frzmpy', ('frozen_const.py',))")) {
            Manifest m = new ManifestEvaluator(PathVariables.of(Map.of("MPY_LIB_DIR", dir.resolve("qemu/lib").toString())),
                    dir.resolve("qemu")).evaluate(List.of(ManifestInput.of(code)));
            assertThat(m.entries()).extracting(e -> e.target() + " " + e.version())
                    .containsExactly("unittest/__init__.py 0.10.4", "frozen_const.py null");
        }
    }

    @Test
    void walksFollowLinkedFoldersButRequireDoesNotAndALinkLoopIsAnError() throws IOException {
        Path root = Files.createDirectories(dir.resolve("links"));
        Path real = Files.createDirectories(root.resolve("real"));
        Files.writeString(real.resolve("r.py"), "r = 1\n");
        Path tree = Files.createDirectories(root.resolve("tree"));
        Files.writeString(tree.resolve("t.py"), "t = 1\n");
        Files.createSymbolicLink(tree.resolve("linked"), real);
        assertThat(targets(evaluate("freeze('links/tree')", PathVariables.none())))
                .containsExactly("COMPILE t.py -O0", "COMPILE linked/r.py -O0");

        Path lib = Files.createDirectories(root.resolve("lib/micropython"));
        Path pkg = Files.createDirectories(root.resolve("elsewhere/hidden"));
        Files.writeString(pkg.resolve("manifest.py"), "module('h.py')\n");
        Files.writeString(pkg.resolve("h.py"), "h = 1\n");
        Files.createSymbolicLink(lib.resolve("via"), pkg.getParent());
        ManifestError e = catchThrowableOfType(ManifestError.class, () -> evaluate("require('hidden')",
                PathVariables.of(Map.of("MPY_LIB_DIR", root.resolve("lib").toString()))));
        assertThat(e.kind()).isEqualTo(ManifestErrorKind.UNKNOWN_PACKAGE);

        Path loop = Files.createDirectories(root.resolve("loop/inner"));
        Files.createSymbolicLink(loop.resolve("back"), root.resolve("loop"));
        ManifestError l = catchThrowableOfType(ManifestError.class, () -> evaluate("freeze('links/loop')",
                PathVariables.none()));
        assertThat(l.kind()).isEqualTo(ManifestErrorKind.UNREADABLE);
        assertThat(l.message()).contains("loop");
    }

    @Test
    void theLanguageComputesAsPythonDoes() {
        String code = """
                parts = ["pkg", "sub"]
                name = "%s/%s" % tuple(parts) if False else "%s/%s" % ("pkg", "sub")
                assert_name = name == "pkg/sub" and name.format() == name
                a, (b, c) = 1, [2, 3]
                n = a + b * c - 7 % 3
                s = "-" * 3 + f"{n!r}" + "{0}{0}".format("x") + "{k}".format(k="y")
                r = repr(1) if False else "{!r}".format("q'q")
                check = (n == 6, s == "---6xxy", r == '"q\\'q"', 2 in [1, 2], "b" not in "abc", None is None,
                         1 < 2 < 3, not (3 < 2 < 4), ("a", 1) < ("a", 2), [] or "fallback", 0 and 1, -7 % 3 == 2,
                         7 % -3 == -2, True + True == 2, (1, 2)[-1] == 2, "ab"[1] == "b", assert_name)
                for ok in check:
                    if ok != True and ok not in ("fallback", 0):
                        module("missing.py")
                total = 0
                for i in (1, 2, 3):
                    total += i
                else:
                    total *= 10
                if total == 60:
                    module(name + "/m.py", base_path=".")
                elif total:
                    module("missing.py")
                import os.path
                import os as o
                module(o.path.join(*parts, "m.py"), opt=len_ if False else 2)
                module(os.path.normpath("pkg/./sub/../sub/m.py"), base_path=os.path.dirname(os.path.abspath("a.py")))
                """;
        assertThat(targets(evaluate(code, PathVariables.none()))).containsExactly("COMPILE pkg/sub/m.py -O0",
                "COMPILE pkg/sub/m.py -O2", "COMPILE pkg/sub/m.py -O0");
    }

    @Test
    void optionsDefaultsAndKeywordsReachTheIncludedManifest() throws IOException {
        Path inc = Files.createDirectories(dir.resolve("opts"));
        Files.writeString(inc.resolve("manifest.py"), """
                options.defaults(level=1, name="x")
                if options.level == 2 and options.name == "x" and options.other is None:
                    module("../a.py")
                """);
        assertThat(targets(evaluate("include('opts', level=2)", PathVariables.none())))
                .containsExactly("COMPILE ../a.py -O0");
        assertThat(evaluate("include(['opts'])", PathVariables.none()).entries()).isEmpty();
    }
}
