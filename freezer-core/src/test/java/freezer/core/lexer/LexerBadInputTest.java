package freezer.core.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.ByteStrings;
import freezer.core.CompileError;
import freezer.core.ErrorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each program of {@code bad/lexer}, the lexer produces what makes the parser raise the
 * error its {@code .err} names, on that line: the error token, the INDENT, the number token whose
 * text the parser rejects, or it throws the NotImplementedError itself.
 */
class LexerBadInputTest {
    private static final Pattern LINE = Pattern.compile("^  File \"[^\"]*\", line (\\d+)", Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'$");

    static Stream<Path> programs() {
        return GoldenPrograms.programs("bad/lexer").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void lexerProducesTheReportedError(Path program) throws IOException {
        String name = program.getFileName().toString();
        byte[] source = Files.readAllBytes(program);
        List<String> err = Files.readAllLines(program.resolveSibling(name.replaceFirst("\\.py$", ".err")),
                StandardCharsets.UTF_8);
        String error = err.get(err.size() - 1);
        Matcher lineMatch = LINE.matcher(String.join("\n", err));

        if (error.equals("NotImplementedError: unicode name escapes")) {
            assertThatThrownBy(() -> LexerGoldenTest.lexAll(name, source)).isInstanceOfSatisfying(CompileError.class,
                    e -> {
                        assertThat(e.type()).isEqualTo(ErrorType.NotImplementedError);
                        assertThat(e.message()).isEqualTo("unicode name escapes");
                        assertThat(e.hasLine()).isFalse();
                        assertThat(e.file()).isEqualTo(name);
                        // the position names the escape itself
                        assertThat(ByteStrings.of(source).substring(e.offset())).startsWith("\\N");
                    });
            return;
        }
        assertThat(lineMatch.find()).as(name + ": .err names a line").isTrue();
        int line = Integer.parseInt(lineMatch.group(1));
        List<Token> tokens = LexerGoldenTest.lexAll(name, source);
        Token firstError = tokens.stream().filter(t -> LexerGoldenTest.ERROR_KINDS.contains(t.kind())).findFirst()
                .orElse(null);

        if (error.startsWith("SyntaxError: invalid syntax for ")) {
            assertThat(firstError).as(name + ": no error token").isNull();
            Matcher quoted = QUOTED.matcher(error);
            String digits = quoted.find() ? quoted.group(1) : "";
            assertThat(tokens).as(name + ": number token on line " + line).anyMatch(t -> t.line() == line
                    && (t.kind() == TokenKind.INTEGER || t.kind() == TokenKind.FLOAT_OR_IMAG)
                    && t.text().endsWith(digits));
        } else if (error.equals("IndentationError: unexpected indent")) {
            assertThat(firstError).as(name + ": no error token").isNull();
            assertThat(indexOfUnexpectedIndent(tokens)).as(name + ": unexpected INDENT on line " + line)
                    .satisfies(i -> assertThat(tokens.get(i).line()).isEqualTo(line));
        } else {
            TokenKind expected = expectedErrorKind(error);
            assertThat(firstError).as(name + ": error token").isNotNull();
            if (expected == TokenKind.INVALID) {
                // the parser says "invalid syntax" for both
                assertThat(firstError.kind()).isIn(TokenKind.INVALID, TokenKind.LONELY_STRING_OPEN);
            } else {
                assertThat(firstError.kind()).isEqualTo(expected);
            }
            assertThat(firstError.line()).as(name + ": line of " + firstError).isEqualTo(line);
        }
    }

    private static TokenKind expectedErrorKind(String error) {
        switch (error) {
            case "SyntaxError: invalid syntax":
                return TokenKind.INVALID;
            case "SyntaxError: malformed f-string":
                return TokenKind.MALFORMED_FSTRING;
            case "IndentationError: unindent doesn't match any outer indent level":
                return TokenKind.DEDENT_MISMATCH;
            default:
                throw new AssertionError("no lexer error gives " + error);
        }
    }

    /** The first INDENT that opens no block: the first token, or one not after ':' and NEWLINE. */
    private static int indexOfUnexpectedIndent(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != TokenKind.INDENT) {
                continue;
            }
            if (i < 2 || tokens.get(i - 2).kind() != TokenKind.DEL_COLON) {
                return i;
            }
        }
        throw new AssertionError("no unexpected INDENT");
    }
}
