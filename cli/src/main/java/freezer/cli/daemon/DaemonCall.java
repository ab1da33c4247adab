package freezer.cli.daemon;

import freezer.cli.Caller;
import freezer.cli.NotServed;
import freezer.cli.Main;
import freezer.cli.ModuleCompiler;
import freezer.cli.StdStreams;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** One connection to the daemon: a call, a call's standard input, a ping or a stop (see {@link Wire}). */
final class DaemonCall {
    /** Arguments and paths arrive as the client's bytes, decoded as the JVM decodes its own command line. */
    private static final Charset NATIVE = Charset.forName(
            System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
    private static final int MAX_ARGS = 4096;

    private final DaemonServer daemon;
    private final Socket socket;

    DaemonCall(DaemonServer daemon, Socket socket) {
        this.daemon = daemon;
        this.socket = socket;
    }

    void serve() throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        if (!Wire.ascii(in).equals(Wire.MAGIC) || !Wire.ascii(in).equals(Wire.VERSION)) {
            return;
        }
        String kind = Wire.ascii(in);
        byte[] token = Wire.field(in);
        if (!MessageDigest.isEqual(token, daemon.token().getBytes(StandardCharsets.US_ASCII))) {
            reply(out, "R refused: the request does not carry this daemon's token");
            return;
        }
        switch (kind) {
            case "call" -> call(in, out);
            case "stdin" -> StdinChannel.deliver(Wire.ascii(in), in);
            case "ping" -> reply(out, "P " + daemon.status());
            case "stop" -> {
                reply(out, "P stopping " + daemon.status());
                daemon.exit();
            }
            default -> reply(out, "R unknown request " + kind);
        }
    }

    private void call(InputStream in, OutputStream out) throws IOException {
        String jar = Wire.text(in, NATIVE);
        Path cwd = Path.of(Wire.text(in, NATIVE));
        int umask = Integer.parseInt(Wire.ascii(in), 8);
        int argc = Integer.parseInt(Wire.ascii(in));
        if (argc < 0 || argc > MAX_ARGS) {
            reply(out, "R too many arguments");
            return;
        }
        List<String> args = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            args.add(Wire.text(in, NATIVE));
        }
        if (!daemon.runs(jar)) {
            reply(out, "R this daemon runs another freezer jar");
            return;
        }
        if (!daemon.sameJar()) {
            reply(out, "R this daemon's jar has changed since it started");
            daemon.exit();
            return;
        }
        String command = args.isEmpty() ? "" : args.get(0);
        if (!command.equals("compile") && !command.equals("freeze")) {
            reply(out, "N " + command + " runs in-process");
            return;
        }
        reply(out, "A");
        // a call's output is small (one .mpy, or freeze's lines and map table): kept whole, sent at its end
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        StdStreams io = new StdStreams(new StdinChannel(out),
                new PrintStream(stdout, false, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        int status;
        daemon.running(true);
        try {
            Caller caller = new Caller(cwd, umask);
            List<String> rest = args.subList(1, args.size());
            status = command.equals("freeze") ? Main.freeze(rest, io, caller)
                    : Main.compile(rest, io, ModuleCompiler.MPY_CROSS, caller);
        } catch (NotServed e) {
            reply(out, "N " + e.getMessage());
            return;
        } finally {
            daemon.running(false);
        }
        daemon.served();
        io.out().flush();
        io.err().flush();
        if (stderr.size() > 0) {
            reply(out, "E " + Wire.escape(stderr.toByteArray()));
        }
        Wire.line(out, "X " + status + " " + stdout.size());
        stdout.writeTo(out);
        out.flush();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        Wire.line(out, line);
        out.flush();
    }
}
