package freezer.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the freezer command line, with what it wrote. */
record CliRun(int status, byte[] stdout, String stderr) {

    static CliRun run(ModuleCompiler compiler, String... args) {
        return runWithInput(compiler, new byte[0], args);
    }

    static CliRun runWithInput(ModuleCompiler compiler, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StdStreams io = new StdStreams(new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = Main.run(args, io, compiler);
        io.out().flush();
        return new CliRun(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
