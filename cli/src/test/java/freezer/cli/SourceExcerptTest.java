package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceExcerptTest {

    private static SourceExcerpt of(String source, int line, int column) {
        return SourceExcerpt.of(source.getBytes(StandardCharsets.ISO_8859_1), line, column);
    }

    @Test
    void linesEndAsTheLexerEndsThem() {
        String src = "a = 1\r\nb = 2\rc = 3\nd = 4";
        assertThat(of(src, 1, 1).text()).isEqualTo("a = 1");
        assertThat(of(src, 2, 5).text()).isEqualTo("b = 2");
        assertThat(of(src, 2, 5).caret()).isEqualTo("    ^");
        assertThat(of(src, 3, 1).text()).isEqualTo("c = 3");
        assertThat(of(src, 4, 3).text()).isEqualTo("d = 4");
        assertThat(of(src, 5, 1)).isNull();
        assertThat(of("x\n", 2, 1).text()).isEmpty();
    }

    @Test
    void aTabIsOneColumnAndStaysATabUnderTheCaret() {
        assertThat(of("\tx = 1", 1, 2).caret()).isEqualTo("\t^");
        assertThat(of("ab\tx", 1, 4).caret()).isEqualTo("  \t^");
        assertThat(of("abc", 1, 40).caret()).isEqualTo("   ^");
        assertThat(of("abc", 1, 0).caret()).isNull();
    }

    @Test
    void multiByteCharactersTakeOneCellControlBytesShowAsQuestionMarks() {
        // "é" is two bytes, one column (a code point), one cell on a terminal
        String src = new String("s = 'é' + ?".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        SourceExcerpt x = of(src, 1, 11);
        assertThat(x.text()).isEqualTo("s = 'é' + ?");
        assertThat(x.caret()).isEqualTo("          ^");
        assertThat(of("a\0b\u00ffc", 1, 5).text()).isEqualTo("a?b\uFFFDc");
        assertThat(of("a\0b\u00ffc", 1, 5).caret()).isEqualTo("    ^");
    }

    @Test
    void longLinesAreCutToAWindowAroundTheColumn() {
        String src = "x".repeat(1000) + "!" + "y".repeat(1000);
        SourceExcerpt x = of(src, 1, 1001);
        assertThat(x.text()).startsWith("...x").endsWith("y...").hasSize(166);
        assertThat(x.text().charAt(x.caret().length() - 1)).isEqualTo('!');
    }
}
