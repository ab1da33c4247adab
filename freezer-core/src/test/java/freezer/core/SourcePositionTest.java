package freezer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Byte offsets to lines and code-point columns, lines ended as py/lexer.c ends them. */
class SourcePositionTest {
    private static SourcePosition at(String source, int offset) {
        return SourcePosition.of(source.getBytes(StandardCharsets.ISO_8859_1), offset);
    }

    @Test
    void linesEndAtLfCrLfOrALoneCr() {
        assertThat(at("a\nb", 2)).isEqualTo(new SourcePosition(2, 1, 2));
        assertThat(at("a\r\nb", 3)).isEqualTo(new SourcePosition(2, 1, 3));
        assertThat(at("a\rb", 2)).isEqualTo(new SourcePosition(2, 1, 2));
        // the CR of a CR LF is the end of its line; so is the LF after it
        assertThat(at("ab\r\nc", 2)).isEqualTo(new SourcePosition(1, 3, 0));
        assertThat(at("ab\r\nc", 3).line()).isEqualTo(1);
        assertThat(at("ab\n", 3)).isEqualTo(new SourcePosition(2, 1, 3));
    }

    @Test
    void columnsCountCodePointsATabAndABadByteAsOne() {
        byte[] utf8 = "é€😀x".getBytes(StandardCharsets.UTF_8);
        assertThat(SourcePosition.of(utf8, utf8.length - 1).column()).isEqualTo(4);
        assertThat(at("\t\tx", 2).column()).isEqualTo(3);
        assertThat(at("\u00ff\u00fex", 2).column()).isEqualTo(3);
        assertThat(SourcePosition.lineLength("ab\ncd€".getBytes(StandardCharsets.UTF_8), 3)).isEqualTo(3);
        assertThat(SourcePosition.lineStart("a\nb\n".getBytes(StandardCharsets.UTF_8), 3)).isEqualTo(4);
        assertThat(SourcePosition.lineStart("a\nb".getBytes(StandardCharsets.UTF_8), 4)).isEqualTo(-1);
    }
}
