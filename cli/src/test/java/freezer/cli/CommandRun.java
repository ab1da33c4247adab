package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

/** One run of a command: exit status, stdout bytes, stderr text. */
record CommandRun(int status, byte[] stdout, String stderr) {

    interface Runner {
        int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err);
    }

    static CommandRun of(Runner r, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = r.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    static Path golden(String relative) {
        String shared = System.getProperty("freezer.shared");
        assertThat(shared).as("system property freezer.shared").isNotNull();
        return Paths.get(shared, "golden", relative);
    }
}
