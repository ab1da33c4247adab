package freezer.image.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad manifests: each fault is a {@link ManifestError} of its kind, at the manifest, line and
 * column of the fault, never an exception of another type, a hang or a stack overflow. The
 * manifest is code run in a folder holding {@code a.py}, {@code notes.txt} and {@code d/q.py}.
 */
class ManifestErrorsTest {
    private static Path dir;

    @BeforeAll
    static void tree() throws IOException {
        dir = Shared.targetDir("manifest-errors");
        Files.writeString(dir.resolve("a.py"), "a = 1\n");
        Files.writeString(dir.resolve("notes.txt"), "notes\n");
        Files.createDirectories(dir.resolve("d"));
        Files.writeString(dir.resolve("d/q.py"), "q = 1\n");
        Files.writeString(dir.resolve("d/manifest.py"), "module('q.py')\nmodule('gone.py')\n");
    }

    private static ManifestError reject(String code) {
        return reject(code, PathVariables.none());
    }

    private static ManifestError reject(String code, PathVariables vars) {
        ManifestError e = catchThrowableOfType(ManifestError.class,
                () -> new ManifestEvaluator(vars, dir).evaluate(List.of(new ManifestInput.Code(code))));
        assertThat(e).as("rejected: %s", code).isNotNull();
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            module("nope.py")                       | MISSING_FILE       | 1 | 1 | Cannot stat
            package("nonexistent")                  | MISSING_FOLDER     | 1 | 1 | folder not found
            freeze("nodir")                         | MISSING_FOLDER     | 1 | 1 | folder not found
            freeze_as_str("a.py")                   | MISSING_FOLDER     | 1 | 1 | not a folder
            include("missing.py")                   | MISSING_FILE       | 1 | 1 | manifest not found
            require("x")                            | UNKNOWN_PACKAGE    | 1 | 1 | MPY_LIB_DIR is not set
            require("x", library="nolib")           | UNKNOWN_LIBRARY    | 1 | 1 | Unknown library 'nolib'
            "metadata(version='1')\\nmetadata(version='2')" | DUPLICATE_METADATA | 2 | 1 | Duplicate call to metadata()
            module("notes.txt")                     | BAD_ARGUMENT       | 1 | 1 | module must be .py file
            freeze(".", "notes.txt")                | BAD_ARGUMENT       | 1 | 1 | expected a .py or .mpy file
            freeze_mpy(".", "a.py")                 | BAD_ARGUMENT       | 1 | 1 | expected a .mpy file
            freeze_as_mpy(".", ["notes.txt"])       | BAD_ARGUMENT       | 1 | 1 | expected a .py file
            freeze(".", ["d"])                      | BAD_ARGUMENT       | 1 | 1 | it is a folder
            package("d", files="q.py")              | BAD_ARGUMENT       | 1 | 1 | list or tuple
            module(5)                               | BAD_ARGUMENT       | 1 | 1 | module_path must be a str
            module("a.py", opt=[1])                 | BAD_ARGUMENT       | 1 | 1 | opt must be an int
            include(5)                              | BAD_ARGUMENT       | 1 | 1 | manifest_path must be a str
            metadata(version=1)                     | BAD_ARGUMENT       | 1 | 1 | version must be a str
            module("a.py", bogus=1)                 | UNKNOWN_ARGUMENT   | 1 | 1 | unexpected keyword argument 'bogus'
            module()                                | UNKNOWN_ARGUMENT   | 1 | 1 | missing 1 required positional argument: 'module_path'
            module("a.py", ".", 1, 2)               | UNKNOWN_ARGUMENT   | 1 | 1 | takes 3 positional arguments but 4 were given
            metadata("x")                           | UNKNOWN_ARGUMENT   | 1 | 1 | takes 0 positional arguments
            include("$(UNDEF)/x.py")                | UNDEFINED_VARIABLE | 1 | 1 | -v UNDEF=PATH
            x = undefined_name                      | UNKNOWN_NAME       | 1 | 5 | name 'undefined_name' is not defined
            "module(\\n    foo)"                    | UNKNOWN_NAME       | 2 | 5 | name 'foo'
            freeze_all("src")                       | UNKNOWN_NAME       | 1 | 1 | not part of the manifest API
            print("x")                              | UNKNOWN_NAME       | 1 | 1 | Python built-in
            options.defaults.x                      | UNKNOWN_NAME       | 1 | 1 | has no attribute 'x'
            "x = 'a'\\nx.upper()"                   | UNKNOWN_NAME       | 2 | 1 | 'str' object has no attribute 'upper'
            options.log_level >= 2                  | TYPE_ERROR         | 1 | 1 | '>=' not supported between instances of 'NoneType' and 'int'
            "x = 'a' + 1"                           | TYPE_ERROR         | 1 | 5 | can only concatenate str
            "x = '%d' % 'a'"                        | TYPE_ERROR         | 1 | 5 | %d format: a real number is required, not str
            "x = '%s %s' % ('a',)"                  | TYPE_ERROR         | 1 | 5 | not enough arguments
            "x = 5\\nx()"                           | TYPE_ERROR         | 2 | 1 | 'int' object is not callable
            "for c in 5:\\n    pass"                | TYPE_ERROR         | 1 | 1 | 'int' object is not iterable
            "while False:\\n    pass"               | UNSUPPORTED        | 1 | 1 | a while loop
            "def f():\\n    pass"                   | UNSUPPORTED        | 1 | 1 | a function definition
            "class C:\\n    pass"                   | UNSUPPORTED        | 1 | 1 | a class definition
            import sys                              | UNSUPPORTED        | 1 | 1 | 'import sys'
            from os import path                     | UNSUPPORTED        | 1 | 1 | 'from ... import'
            "x = {'a': 1}"                          | UNSUPPORTED        | 1 | 5 | a dict or set
            "x = [c for c in 'ab']"                 | UNSUPPORTED        | 1 | 5 | comprehension
            "x = lambda: 1"                         | UNSUPPORTED        | 1 | 5 | a lambda
            "x = 1.5"                               | UNSUPPORTED        | 1 | 5 | a float
            "x = b'a'"                              | UNSUPPORTED        | 1 | 5 | a bytes literal
            "a = 2\\nx = a ** 2"                    | UNSUPPORTED        | 2 | 5 | '**'
            "x = 'ab'[0:1]"                         | UNSUPPORTED        | 1 | 5 | slices
            "x = 1\\nmodule(f'{x:>4}')"             | UNSUPPORTED        | 2 | 8 | format spec
            "x = 'a' is 'a'"                        | UNSUPPORTED        | 1 | 5 | 'is'
            "options.x = 1"                         | UNSUPPORTED        | 1 | 1 | only names and tuples of names
            module(**{})                            | UNSUPPORTED        | 1 | 1 | '**' arguments
            "x = 1\\nx /= 2"                        | UNSUPPORTED        | 2 | 1 | augmented assignment
            "x: int = 1"                            | UNSUPPORTED        | 1 | 1 | annotated assignment
            "a, b = 'abc'"                          | BAD_ARGUMENT       | 1 | 1 | too many values to unpack
            "x = (1, 2)[5]"                         | BAD_ARGUMENT       | 1 | 5 | tuple index out of range
            "x = '{0}{1}'.format('a')"              | BAD_ARGUMENT       | 1 | 5 | Replacement index 1 out of range
            break                                   | SYNTAX             | 1 | 1 | 'break' outside loop
            module("a.py"                           | SYNTAX             | 1 | 7 | '(' was never closed
            module("a.py"))                         | SYNTAX             | 1 | 15 | unmatched ')'
            "x = [1, 2)"                            | SYNTAX             | 1 | 10 | closing parenthesis ')' does not match opening parenthesis '['
            "  module('a.py')"                      | SYNTAX             | 1 | 3 | IndentationError: unexpected indent
            "module('a.py', opt=3, opt=2)"          | SYNTAX             | 1 | 1 | keyword argument repeated: opt
            "module(opt=3, 'a.py')"                 | SYNTAX             | 1 | 1 | positional argument follows keyword argument
            "1 = x"                                 | SYNTAX             | 1 | 1 | cannot assign to literal
            "module('a.py') +"                      | SYNTAX             | 1 | 17 | invalid syntax
            """)
    void rejected(String code, ManifestErrorKind kind, int line, int column, String words) {
        ManifestError e = reject(code.replace("\\n", "\n"));
        assertThat(e.kind()).as("kind of %s", e).isEqualTo(kind);
        assertThat(e.message()).contains(words);
        assertThat(e.origin()).isEqualTo(new ManifestOrigin(ManifestOrigin.CODE, line, column));
    }

    @Test
    void aFaultInAnIncludedManifestNamesItAndTheIncludeChain() {
        ManifestError e = reject("module('a.py')\ninclude('d')");
        assertThat(e.kind()).isEqualTo(ManifestErrorKind.MISSING_FILE);
        assertThat(e.origin()).isEqualTo(new ManifestOrigin(dir.resolve("d/manifest.py"), 2, 1));
        assertThat(e.message()).isEqualTo("Cannot stat " + dir.resolve("d/gone.py"));
        assertThat(e.includedFrom()).containsExactly(new ManifestOrigin(ManifestOrigin.CODE, 2, 1));
        assertThat(e.toString()).isEqualTo(dir.resolve("d/manifest.py") + ":2:1: Cannot stat " + dir.resolve("d/gone.py")
                + "\n  included from <manifest code>:2:1");
    }

    @Test
    void aMissingTopLevelManifestIsNamed() {
        ManifestError e = catchThrowableOfType(ManifestError.class, () -> new ManifestEvaluator(PathVariables.none(), dir)
                .evaluate(List.of(new ManifestInput.File(Path.of("absent/manifest.py")))));
        assertThat(e.kind()).isEqualTo(ManifestErrorKind.MISSING_FILE);
        assertThat(e.origin().manifest()).isEqualTo(dir.resolve("absent/manifest.py"));
    }

    @Test
    void anUndefinedVariableInATopLevelPathIsNamed() {
        ManifestError e = catchThrowableOfType(ManifestError.class, () -> new ManifestEvaluator(PathVariables.none(), dir)
                .evaluate(List.of(new ManifestInput.File(Path.of("$(BOARD)/manifest.py")))));
        assertThat(e.kind()).isEqualTo(ManifestErrorKind.UNDEFINED_VARIABLE);
        assertThat(e.message()).contains("$(BOARD)");
    }

    @Test
    void requireNamesTheLibraryItSearchedWhenMpyLibDirIsSet() {
        ManifestError e = reject("require('x')", PathVariables.of(Map.of("MPY_LIB_DIR", dir.toString())));
        assertThat(e.message()).isEqualTo("Package 'x' not found in any known library.");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        ManifestError e = reject("x = " + "[".repeat(5000) + "]".repeat(5000));
        assertThat(e.kind()).isEqualTo(ManifestErrorKind.UNSUPPORTED);
        assertThat(e.message()).contains("nested more than");
        ManifestError sum = reject("a = 'x'\nx = " + "a + (".repeat(3000) + "a" + ")".repeat(3000));
        assertThat(sum.kind()).isEqualTo(ManifestErrorKind.UNSUPPORTED);
    }

    @Test
    void aRunawayLoopIsStopped() {
        ManifestError e = reject("for a in 'x' * 100000:\n    for b in 'y' * 100000:\n        pass");
        assertThat(e.kind()).isEqualTo(ManifestErrorKind.UNSUPPORTED);
        assertThat(e.message()).contains("statements");
    }

    @Test
    void includesThatIncludeEachOtherAreReadOnce() throws IOException {
        Path loop = Files.createDirectories(dir.resolve("loop"));
        Files.writeString(loop.resolve("manifest.py"), "include('other.py')\nmodule('../a.py')\n");
        Files.writeString(loop.resolve("other.py"), "include('manifest.py')\n");
        Manifest m = new ManifestEvaluator(PathVariables.none(), dir)
                .evaluate(List.of(new ManifestInput.File(loop.resolve("manifest.py"))));
        assertThat(m.entries()).extracting(ManifestEntry::target).containsExactly("../a.py");
    }

    @Test
    void aManifestWithBinaryBytesIsASyntaxError() throws IOException {
        Path bad = dir.resolve("binary.py");
        Files.write(bad, new byte[] {'m', 'o', 'd', 0, (byte) 0xff, '(', '\n'});
        ManifestError e = catchThrowableOfType(ManifestError.class, () -> new ManifestEvaluator(PathVariables.none(), dir)
                .evaluate(List.of(new ManifestInput.File(bad))));
        assertThat(e.kind()).isEqualTo(ManifestErrorKind.SYNTAX);
        assertThat(e.origin().manifest()).isEqualTo(bad);
    }
}
