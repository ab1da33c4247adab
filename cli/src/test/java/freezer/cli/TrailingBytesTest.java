package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A .mpy with bytes after its module: MicroPython loads it and mpy-tool.py ignores them, so every
 * command that reads one accepts it with a warning naming where they start; merge leaves them out.
 */
class TrailingBytesTest {
    private static final FakeCompiler FAKE = new FakeCompiler();
    private Path dir;
    private Path clean;
    private Path padded;
    private int length;

    @BeforeEach
    void setUp() throws IOException {
        dir = Shared.targetDir("trailing-bytes");
        clean = CommandRun.golden("compile/ok/functions/positional_defaults.mpy");
        byte[] bytes = Files.readAllBytes(clean);
        length = bytes.length;
        padded = dir.resolve("padded.mpy");
        byte[] more = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        more[bytes.length] = 'X';
        Files.write(padded, more);
    }

    private String warning(String fate) {
        return padded + ": offset " + length + ": warning: 3 bytes follow the end of the module; " + fate + "\n";
    }

    @Test
    void disAndInfoReadThemWithAWarning() {
        CliRun dis = CliRun.run(FAKE, "dis", padded.toString());
        assertThat(dis.status()).isZero();
        assertThat(dis.stderr()).isEqualTo(warning("ignored (MicroPython and mpy-tool.py ignore them too)"));
        assertThat(dis.stdoutText()).isEqualTo(CliRun.run(FAKE, "dis", clean.toString()).stdoutText()
                .replace(clean.toString(), padded.toString()));
        CliRun info = CliRun.run(FAKE, "info", "--small-int-bits", "31", padded.toString());
        assertThat(info.status()).isZero();
        assertThat(info.stderr()).isEqualTo(warning("ignored (MicroPython and mpy-tool.py ignore them too)"));
        assertThat(info.stdoutText()).contains("loads");
    }

    @Test
    void mergeLeavesThemOut() throws IOException {
        Path one = dir.resolve("one.mpy");
        CliRun r = CliRun.run(FAKE, "merge", "-o", one.toString(), padded.toString());
        assertThat(r.status()).isZero();
        assertThat(r.stderr()).isEqualTo(warning("left out of the merged file"));
        assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(clean));

        Path two = dir.resolve("two.mpy");
        Path cleanTwo = dir.resolve("clean-two.mpy");
        assertThat(CliRun.run(FAKE, "merge", "-o", two.toString(), padded.toString(), clean.toString()).status())
                .isZero();
        assertThat(CliRun.run(FAKE, "merge", "-o", cleanTwo.toString(), clean.toString(), clean.toString()).status())
                .isZero();
        assertThat(Files.readAllBytes(two)).isEqualTo(Files.readAllBytes(cleanTwo));
    }
}
