package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** dis, merge and info as {@code freezer} runs them: through Main, with its streams. */
class MpyCommandsInMainTest {

    @Test
    void disMergeAndInfoAreFreezerCommands() throws IOException {
        Path dis = CommandRun.golden("compile/ok/functions/positional_defaults.dis");
        Path mpy = dis.resolveSibling("positional_defaults.mpy");
        CliRun d = CliRun.run(new FakeCompiler(), "dis", mpy.toString());
        assertThat(d.status()).as(d.stderr()).isZero();
        String golden = Files.readString(dis, StandardCharsets.UTF_8);
        assertThat(d.stdoutText()).isEqualTo("mpy_source_file: " + mpy + golden.substring(golden.indexOf('\n')));

        Path out = Files.createDirectories(Path.of("target", "test-out", "main")).resolve("merged.mpy");
        CliRun m = CliRun.run(new FakeCompiler(), "merge", "-o", out.toString(), mpy.toString());
        assertThat(m.status()).as(m.stderr()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(mpy));

        CliRun i = CliRun.run(new FakeCompiler(), "info", "--small-int-bits", "15", mpy.toString());
        assertThat(i.status()).isEqualTo(1);
        assertThat(i.stdoutText()).contains("does not load");

        assertThat(CliRun.run(new FakeCompiler(), "dis").status()).isEqualTo(2);
        CliRun help = CliRun.run(new FakeCompiler(), "--help");
        assertThat(help.stdoutText()).contains("dis", "merge", "info");
    }
}
