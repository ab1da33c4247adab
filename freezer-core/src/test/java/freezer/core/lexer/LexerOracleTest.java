package freezer.core.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code cases/NAME.py} (inputs written for these tests: strings, escapes, f-strings and
 * t-strings, numbers, indentation, CR/LF, tabs, BOM, invalid bytes) is lexed whole and compared
 * with {@code NAME.tokens}, the dump upstream's py/lexer.c gives for it.
 */
class LexerOracleTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(LexerOracleTest.class.getResource("cases").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> inputs = files.filter(p -> p.toString().endsWith(".py")).sorted().collect(Collectors.toList());
            assertThat(inputs).isNotEmpty();
            return inputs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tokensAreUpstreams(Path input) throws IOException {
        String name = input.getFileName().toString();
        Path expectedFile = input.resolveSibling(name.replaceFirst("\\.py$", ".tokens"));
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.ISO_8859_1);
        List<String> actual = TokenDump.dump(name, Files.readAllBytes(input));
        assertSameLines(name, expected, actual);
    }

    static void assertSameLines(String what, List<String> expected, List<String> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail(what + ": first difference at token " + (i + 1) + "\n"
                        + context(expected, i) + "expected: " + expected.get(i) + "\n  actual: " + actual.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            fail(what + ": " + expected.size() + " tokens expected, " + actual.size() + " lexed; first extra: "
                    + (expected.size() > n ? "expected " + expected.get(n) : "actual " + actual.get(n)));
        }
    }

    private static String context(List<String> lines, int index) {
        StringBuilder s = new StringBuilder();
        for (int i = Math.max(0, index - 3); i < index; i++) {
            s.append("    same: ").append(lines.get(i)).append('\n');
        }
        return s.toString();
    }
}
