package freezer.core.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.ByteStrings;
import freezer.core.CompileError;
import freezer.core.ErrorType;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Behaviour the oracle dumps do not show (options, limits, robustness). Expected values are upstream's. */
class LexerTest {

    private static List<String> dump(String source) {
        return TokenDump.dump("t.py", ByteStrings.bytes(source));
    }

    @Test
    void debugIsTrueUnlessOptimising() {
        byte[] source = ByteStrings.bytes("x = __debug__\n");
        Lexer plain = new Lexer("t.py", source);
        Lexer optimised = new Lexer("t.py", source, 1);
        for (int i = 0; i < 2; i++) {
            plain.next();
            optimised.next();
        }
        assertThat(TokenDump.format(plain.token())).isEqualTo("1:5 KW_TRUE \"__debug__\"");
        assertThat(TokenDump.format(optimised.token())).isEqualTo("1:5 KW_FALSE \"__debug__\"");
    }

    @Test
    void indentationIsRememberedModulo65536() {
        // lexer.c keeps indent levels in 16 bits: 65537 columns is stored as 1, so the same
        // indentation on the next line opens another block (as mpy-cross's lexer does)
        String deep = " ".repeat(65537);
        List<String> tokens = dump("if a:\n" + deep + "b\n" + deep + "c\n d\ne\n");
        assertThat(tokens).containsExactly(
                "1:1 KW_IF \"if\"", "1:4 NAME \"a\"", "1:5 DEL_COLON \"\"", "1:6 NEWLINE \"\"",
                "2:65538 INDENT \"\"", "2:65538 NAME \"b\"", "2:65539 NEWLINE \"\"",
                "3:65538 INDENT \"\"", "3:65538 NAME \"c\"", "3:65539 NEWLINE \"\"",
                "4:2 NAME \"d\"", "4:3 NEWLINE \"\"",
                "5:1 DEDENT \"\"", "5:1 DEDENT \"\"", "5:1 NAME \"e\"", "5:2 NEWLINE \"\"",
                "6:1 END \"\"");
    }

    @Test
    void unicodeNameEscapeThrowsAtTheEscape() {
        Lexer lexer = new Lexer("t.py", ByteStrings.bytes("x = 1\ny = 'ab' + b'c\\N{DASH}'\n"));
        assertThatThrownBy(() -> {
            while (lexer.token().kind() != TokenKind.END) {
                lexer.next();
            }
        }).isInstanceOfSatisfying(CompileError.class, e -> {
            assertThat(e.type()).isEqualTo(ErrorType.NotImplementedError);
            assertThat(e.message()).isEqualTo("unicode name escapes");
            assertThat(e.hasLine()).isFalse();
            assertThat(e.file()).isEqualTo("t.py");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.offset()).isEqualTo("x = 1\ny = 'ab' + b'c".length());
        });
    }

    @Test
    void lexesLazily() {
        // the error in the second line must not surface before the first line's tokens are read
        Lexer lexer = new Lexer("t.py", ByteStrings.bytes("x\n'\\N'\n"));
        assertThat(lexer.token().kind()).isEqualTo(TokenKind.NAME);
        lexer.next();
        assertThat(lexer.token().kind()).isEqualTo(TokenKind.NEWLINE);
        assertThatThrownBy(lexer::next).isInstanceOf(CompileError.class);
    }

    @Test
    void endRepeats() {
        Lexer lexer = new Lexer("t.py", new byte[0]);
        assertThat(TokenDump.format(lexer.token())).isEqualTo("1:1 END \"\"");
        lexer.next();
        assertThat(TokenDump.format(lexer.token())).isEqualTo("1:1 END \"\"");
        assertThat(lexer.sourceName()).isEqualTo("t.py");
    }

    @Test
    @Timeout(60)
    void anyBytesLexToEndOrTheOneError() {
        Random random = new Random(20240601);
        byte[] alphabet = ByteStrings.bytes("'\"{}[]()\\\n\r\t #!:=frtbuxeE0179._$\u0000\u00ff\u00c3N");
        for (int round = 0; round < 3000; round++) {
            byte[] source = new byte[random.nextInt(300)];
            for (int i = 0; i < source.length; i++) {
                source[i] = round % 2 == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            try {
                List<Token> tokens = LexerGoldenTest.lexAll("noise.py", source);
                assertThat(tokens.get(tokens.size() - 1).kind()).isEqualTo(TokenKind.END);
            } catch (CompileError e) {
                assertThat(e.type()).isEqualTo(ErrorType.NotImplementedError);
            }
        }
    }

    @Test
    @Timeout(60)
    void largeAndDeepInputsLexInReasonableTime() {
        assertLexes("x = [" + "(".repeat(100_000) + ")".repeat(100_000) + "]\n");
        assertLexes("s = '" + "a".repeat(5_000_000) + "'\n");
        assertLexes("a = 1 + 2 # comment\n".repeat(100_000));
        assertLexes("if x:\n".repeat(1) + " y\n".repeat(100_000));
        // f-strings nested 2000 deep: every level is injected and lexed again
        assertLexes("x = " + "f'{".repeat(2000) + "1" + "}'".repeat(2000) + "\n");
        // a stray ']' in a field makes the field run to the end of input
        assertLexes("x = f'{]" + "\nfoo(1)".repeat(100_000) + "\n");
    }

    private static void assertLexes(String source) {
        long start = System.nanoTime();
        List<Token> tokens = LexerGoldenTest.lexAll("big.py", ByteStrings.bytes(source));
        assertThat(tokens.get(tokens.size() - 1).kind()).isEqualTo(TokenKind.END);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
}
