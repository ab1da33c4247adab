package freezer.cli.daemon;

import freezer.cli.Version;
import freezer.core.DeepStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The warm compile daemon (docs/daemon.md): a JVM that keeps freezer's compiler loaded and
 * compiled, serving the launcher's {@code compile} and {@code freeze} calls over loopback TCP, each on a thread of
 * its own, so parallel builds are served in parallel and a ping is answered while calls run.
 * It serves only the jar it was started from, exits when that jar changes, and exits after an
 * idle time. The launcher starts it detached: {@code java -cp freezer.jar
 * freezer.cli.daemon.DaemonServer STATE-FILE JAR IDLE-SECONDS}.
 */
public final class DaemonServer {
    private final Path jar;
    private final String jarText;
    private final BasicFileAttributes jarAtStart;
    private final long idleMillis;
    private final ServerSocket server;
    private final DaemonState state;
    private final long started = System.currentTimeMillis();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong lastUse = new AtomicLong(System.currentTimeMillis());
    /**
     * A thread per connection, kept for reuse: deep-stack threads, so a call compiles on its own
     * thread rather than handing over to another (and starting one costs as much as a small compile).
     */
    private final ExecutorService calls = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> new DeepStack.DeepStackThread(task, "freezer-daemon-call"));

    private DaemonServer(Path stateFile, String jarText, long idleMillis) throws IOException {
        this.jarText = jarText;
        this.jar = Path.of(jarText);
        this.jarAtStart = Files.readAttributes(jar, BasicFileAttributes.class);
        this.idleMillis = idleMillis;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.state = DaemonState.publish(stateFile, server.getLocalPort(), DaemonState.newToken());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DaemonServer STATE-FILE JAR IDLE-SECONDS (the launcher starts it)");
            System.exit(2);
        }
        DaemonServer d = new DaemonServer(Path.of(args[0]), args[1], Long.parseLong(args[2]) * 1000);
        d.serve();
    }

    private void serve() {
        ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "freezer-daemon-idle");
            t.setDaemon(true);
            return t;
        });
        idle.scheduleWithFixedDelay(this::exitIfIdle, 1, 1, TimeUnit.SECONDS);
        while (true) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                exit();
                return;
            }
            try {
                // each answer is a line or two, written as soon as it is known: no Nagle delay
                s.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(s);
                continue;
            }
            calls.execute(() -> handle(s));
        }
    }

    private void handle(Socket s) {
        lastUse.set(System.currentTimeMillis());
        try {
            new DaemonCall(this, s).serve();
        } catch (IOException e) {
            // the client went away, or sent garbage: nothing to answer
        } finally {
            lastUse.set(System.currentTimeMillis());
            closeQuietly(s);
        }
    }

    /** Counts a call served to its end. */
    void served() {
        served.incrementAndGet();
    }

    /** Counts a call while it runs (not pings, nor standard input's connections): idle means none. */
    void running(boolean starts) {
        if (starts) {
            active.incrementAndGet();
        } else {
            active.decrementAndGet();
        }
        lastUse.set(System.currentTimeMillis());
    }

    private void exitIfIdle() {
        if (active.get() == 0 && System.currentTimeMillis() - lastUse.get() > idleMillis) {
            exit();
        }
        if (!sameJar()) {
            exit();
        }
    }

    /** Stops at once: calls still running lose their connection and their clients run them in-process. */
    void exit() {
        state.withdraw();
        Runtime.getRuntime().halt(0);
    }

    String token() {
        return state.token();
    }

    /** Whether a client's jar is the one this daemon runs. */
    boolean runs(String clientJar) {
        return clientJar.equals(jarText);
    }

    /** Whether this daemon's jar is as it was when it started (a rebuild or an upgrade ends it). */
    boolean sameJar() {
        try {
            BasicFileAttributes now = Files.readAttributes(jar, BasicFileAttributes.class);
            return now.size() == jarAtStart.size() && now.lastModifiedTime().equals(jarAtStart.lastModifiedTime())
                    && Objects.equals(now.fileKey(), jarAtStart.fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    /** The answer to a ping. */
    String status() {
        return "freezer " + Version.freezer() + " pid " + ProcessHandle.current().pid() + " port "
                + server.getLocalPort() + " calls " + served.get() + " running " + active.get()
                + " up " + (System.currentTimeMillis() - started) / 1000 + "s idle-exit "
                + idleMillis / 1000 + "s jar " + jarText;
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException | RuntimeException e) {
            // closing is all that was left to do
        }
    }
}
