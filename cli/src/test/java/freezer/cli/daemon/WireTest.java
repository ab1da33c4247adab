package freezer.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The daemon's wire format, as the bash client writes and reads it. */
class WireTest {
    @Test
    void standardErrorIsOneLineThatPrintfPercentBTurnsBack() {
        byte[] text = "a b\\c\n\0\t\u007f é".getBytes(StandardCharsets.UTF_8);
        String line = Wire.escape(text);
        assertThat(line).doesNotContain(" ", "\n", "\t").isEqualTo(
                "a\\0040b\\0134c\\0012\\0000\\0011\\0177\\0040\u00c3\u00a9");
    }

    @Test
    void fieldsEndWithANulAndARequestCutShortIsAnError() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream("call\0t\u00e9\0rest".getBytes(StandardCharsets.UTF_8));
        assertThat(Wire.ascii(in)).isEqualTo("call");
        assertThat(Wire.text(in, StandardCharsets.UTF_8)).isEqualTo("té");
        assertThatThrownBy(() -> Wire.ascii(in)).isInstanceOf(EOFException.class);
    }
}
