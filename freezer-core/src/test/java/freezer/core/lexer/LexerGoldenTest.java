package freezer.core.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.CompileError;
import freezer.core.ErrorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden program lexes to the end, with the token stream's invariants. */
class LexerGoldenTest {
    static final Set<TokenKind> ERROR_KINDS = EnumSet.of(TokenKind.INVALID, TokenKind.DEDENT_MISMATCH,
            TokenKind.LONELY_STRING_OPEN, TokenKind.MALFORMED_FSTRING);

    static Stream<Path> accepted() {
        return GoldenPrograms.programs("ok").stream();
    }

    static Stream<Path> rejected() {
        return Stream.concat(GoldenPrograms.programs("bad/lexer").stream(),
                GoldenPrograms.programs("bad/syntax").stream());
    }

    /** All tokens of a program, END last; fails rather than loop forever. */
    static List<Token> lexAll(String name, byte[] source) {
        List<Token> tokens = new ArrayList<>();
        Lexer lexer = new Lexer(name, source);
        tokens.add(lexer.token());
        while (lexer.token().kind() != TokenKind.END) {
            assertThat(tokens.size()).as("tokens of " + name).isLessThan(TokenDump.MAX_TOKENS);
            lexer.next();
            tokens.add(lexer.token());
        }
        lexer.next();
        assertThat(lexer.token().kind()).as("the token after END").isEqualTo(TokenKind.END);
        return tokens;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedProgramLexesCleanly(Path program) throws IOException {
        String name = GoldenPrograms.relativeName(program);
        List<Token> tokens = lexAll(name, Files.readAllBytes(program));
        assertThat(tokens).as(name + ": error tokens").noneMatch(t -> ERROR_KINDS.contains(t.kind()));
        assertThat(tokens.get(0).kind()).as(name + ": first token").isNotEqualTo(TokenKind.INDENT);
        assertInvariants(name, tokens);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectedProgramLexesToTheEnd(Path program) throws IOException {
        String name = GoldenPrograms.relativeName(program);
        byte[] source = Files.readAllBytes(program);
        if (expectsUnicodeNameEscapeError(program)) {
            assertThatThrownBy(() -> lexAll(name, source)).isInstanceOfSatisfying(CompileError.class, e -> {
                assertThat(e.type()).isEqualTo(ErrorType.NotImplementedError);
                assertThat(e.message()).isEqualTo("unicode name escapes");
            });
            return;
        }
        assertInvariants(name, lexAll(name, source));
    }

    private static boolean expectsUnicodeNameEscapeError(Path program) throws IOException {
        Path err = program.resolveSibling(program.getFileName().toString().replaceFirst("\\.py$", ".err"));
        return Files.readString(err, StandardCharsets.UTF_8).contains("NotImplementedError: unicode name escapes");
    }

    /** Lines never go back, and every INDENT (a pushed block) is matched by a DEDENT by END. */
    static void assertInvariants(String name, List<Token> tokens) {
        int indents = 0;
        int dedents = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i > 0) {
                assertThat(t.line()).as(name + ": line of token " + i).isGreaterThanOrEqualTo(tokens.get(i - 1).line());
                // a first token out of column 1 becomes INDENT without opening a block
                if (t.kind() == TokenKind.INDENT) {
                    indents++;
                }
            }
            if (t.kind() == TokenKind.DEDENT) {
                dedents++;
            }
            assertThat(t.kind() == TokenKind.END).as(name + ": END only last").isEqualTo(i == tokens.size() - 1);
        }
        assertThat(dedents).as(name + ": DEDENTs against INDENTs").isEqualTo(indents);
    }
}
