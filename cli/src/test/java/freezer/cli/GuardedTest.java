package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * What escapes a command becomes a message and exit status 1, never a stack trace: a freeze of
 * 2,000 modules under -Xmx64m ran out of heap while writing its C and printed one.
 */
class GuardedTest {
    private record Outcome(int status, String stdout, String stderr) {
    }

    private static Outcome run(IntSupplier command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StdStreams io = new StdStreams(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = Main.guarded(io, command);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runningOutOfHeapSaysHowToGiveTheJvmMore() {
        Outcome o = run(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertThat(o.status()).isEqualTo(ExitStatus.ERROR);
        assertThat(o.stderr()).isEqualTo("freezer: ran out of memory for this input; FREEZER_JAVA_OPTS=-Xmx4g gives"
                + " freezer's JVM more" + System.lineSeparator());
        assertThat(o.stdout()).isEmpty();
    }

    @Test
    void runningOutOfStackSaysHowToGiveTheJvmMore() {
        Outcome o = run(() -> {
            throw new StackOverflowError();
        });
        assertThat(o.status()).isEqualTo(ExitStatus.ERROR);
        assertThat(o.stderr()).startsWith("freezer: ran out of stack for this input; FREEZER_JAVA_OPTS=-Xss64m");
    }

    @Test
    void anExceptionIsReportedAsFreezersBug() {
        Outcome o = run(() -> {
            throw new IllegalStateException("broken");
        });
        assertThat(o.status()).isEqualTo(ExitStatus.ERROR);
        assertThat(o.stderr()).contains("internal error: java.lang.IllegalStateException: broken", "bug in freezer")
                .doesNotContain("\tat ");
    }

    @Test
    void aCommandsOwnStatusPassesThrough() {
        assertThat(run(() -> 3).status()).isEqualTo(3);
    }
}
