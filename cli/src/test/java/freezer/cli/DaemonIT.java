package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.Shared;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The warm compile daemon (docs/daemon.md) through the {@code ./freezer} launcher: a call through
 * it behaves as in-process, and it is safe and healthy. Each test has a cache folder of its own
 * (so its own daemon folder) and stops every daemon it started, by process id.
 */
class DaemonIT {
    private static final String SOURCE = "import sys\nX = const(3)\ndef f(a, *b):\n    return [i * X for i in b]\n";
    private static Path warmCache;
    private Path work;
    private Path cache;
    private Path launcher;
    private final Set<Long> pids = new HashSet<>();

    /** The class-data archives are made once (they take seconds); each test starts from a copy. */
    @BeforeAll
    static void makeArchives() throws IOException {
        Path base = Shared.targetDir("it-daemon-archives");
        warmCache = Files.createDirectories(base.resolve("cache"));
        ProcessRun r = ProcessRun.run(base, new byte[0],
                List.of(ProcessRun.repoRoot().resolve("freezer").toString(), "--no-daemon", "compile", "--version"),
                Map.of("XDG_CACHE_HOME", warmCache.toString()));
        assertThat(r.status()).as(r.stderr()).isZero();
    }

    @BeforeEach
    void setUp() throws IOException {
        work = Shared.targetDir("it-daemon-" + System.nanoTime());
        cache = work.resolve("cache");
        try (Stream<Path> walk = Files.walk(warmCache)) {
            for (Path p : walk.toList()) {
                Path to = cache.resolve(warmCache.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        launcher = ProcessRun.repoRoot().resolve("freezer");
    }

    /** Every daemon this test started (by the state files it left, and those seen running), by pid. */
    @AfterEach
    void stopDaemons() throws IOException {
        for (Path state : stateFiles()) {
            pids.add(stateOf(state).pid());
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(h -> {
                if (h.info().commandLine().orElse("").contains("freezer.cli.daemon.DaemonServer")) {
                    h.destroyForcibly();
                    h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                }
            });
        }
        // a launcher killed at a bad moment could leave one the files no longer name
        ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains("DaemonServer " + cache))
                .forEach(h -> {
                    h.destroyForcibly();
                    h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                });
        // 14 MB each (a copy of the archives): a run of the class would leave over a gigabyte
        Shared.deleteTree(work);
    }

    private Map<String, String> env(boolean daemon) {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("FREEZER_DAEMON", daemon ? "1" : "0");
        env.put("FREEZER_DAEMON_IDLE", "300");
        return env;
    }

    private ProcessRun freezer(Path cwd, boolean daemon, byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        return ProcessRun.run(cwd, stdin, cmd, env(daemon));
    }

    private ProcessRun freezer(Path cwd, String... args) {
        return freezer(cwd, true, new byte[0], args);
    }

    private List<Path> stateFiles() throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(p -> p.toString().endsWith(".state")).toList();
        }
    }

    private record State(int port, long pid, String token) {
    }

    private static State stateOf(Path file) throws IOException {
        String[] f = Files.readString(file).strip().split(" ");
        return new State(Integer.parseInt(f[0]), Long.parseLong(f[1]), f[2]);
    }

    /** The one daemon's state, after {@code freezer daemon start}. */
    private State start() throws IOException {
        ProcessRun r = freezer(work, "daemon", "start");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdoutText()).startsWith("freezer daemon: running: freezer ");
        return current();
    }

    private State current() throws IOException {
        List<Path> files = stateFiles();
        assertThat(files).as("one daemon state file").hasSize(1);
        State s = stateOf(files.get(0));
        pids.add(s.pid());
        return s;
    }

    /** How many calls the daemon has served, from {@code freezer daemon status}. */
    private long callsServed() {
        ProcessRun r = freezer(work, "daemon", "status");
        assertThat(r.status()).as(r.stdoutText() + r.stderr()).isZero();
        String[] words = r.stdoutText().split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("calls")) {
                return Long.parseLong(words[i + 1]);
            }
        }
        throw new AssertionError(r.stdoutText());
    }

    private static void waitUntilGone(long pid) {
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("pid " + pid).isNotEqualTo(
                java.util.Optional.of(true));
    }

    /** A project to compile in: sources in a subfolder, one of them broken. */
    private Path project(String name) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name).resolve("sub"));
        Files.writeString(dir.resolve("a.py"), SOURCE);
        Files.writeString(dir.resolve("bad.py"), "def f(:\n    pass\n");
        Files.writeString(dir.resolve("é ü.py"), "s = 'é'\n");
        Files.writeString(dir.resolve("list.txt"), "a.py\né ü.py\n");
        return dir.getParent();
    }

    /** What a call did: its status, streams, and the files it left under its project. */
    private record Outcome(int status, String stdout, String stderr, Map<String, String> files) {
    }

    private Outcome outcome(Path dir, ProcessRun r) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " "
                                + java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return new Outcome(r.status(), java.util.HexFormat.of().formatHex(r.stdout()), r.stderr(), files);
    }

    @Test
    void aCallThroughTheDaemonIsACallInProcess() throws IOException {
        List<List<String>> calls = List.of(
                List.of("sub", "compile", "a.py"),
                List.of("sub", "compile", "-o", "../out.mpy", "a.py"),
                List.of(".", "compile", "sub/a.py"),
                List.of(".", "compile", "-o", "sub/../x.mpy", "-s", "shown.py", "sub/a.py"),
                List.of("sub", "compile", "é ü.py"),
                List.of("sub", "compile", "bad.py"),
                List.of("sub", "compile", "--error-format", "json", "bad.py"),
                List.of("sub", "compile", "missing.py"),
                List.of("sub", "compile", "-o", "no/such/dir/a.mpy", "a.py"),
                List.of("sub", "compile", "--bogus", "a.py"),
                List.of("sub", "compile"),
                List.of("sub", "compile", "--version"),
                List.of("sub", "compile", "-o", "-", "a.py"),
                List.of("sub", "compile", "-"),
                List.of("sub", "compile", "-s", "named.py", "-o", "out.mpy", "-"),
                List.of(".", "compile", "--root", "sub", "--out-dir", "built", "sub/a.py"),
                List.of(".", "compile", "--root", "sub", "--out-dir", "built", "-v"),
                List.of("sub", "compile", "--root", ".", "--out-dir", "../built", "--jobs", "1", "@list.txt"),
                List.of("sub", "compile", "--root", ".", "--out-dir", "../built", "@missing.txt"),
                List.of("sub", "compile", "--root", "nowhere", "--out-dir", "../built"),
                List.of("sub", "compile", "--root", ".", "--out-dir", "../built", "../outside.py"),
                List.of("sub", "compile", "--help"));
        byte[] stdin = "print('from stdin')\n".getBytes(StandardCharsets.UTF_8);
        int i = 0;
        for (List<String> call : calls) {
            i++;
            Path inProcess = project("in-process-" + i);
            Path served = project("served-" + i);
            String[] args = call.subList(1, call.size()).toArray(String[]::new);
            Outcome expected = outcome(inProcess,
                    freezer(inProcess.resolve(call.get(0)), false, stdin, args));
            Outcome actual = outcome(served, freezer(served.resolve(call.get(0)), true, stdin, args));
            assertThat(actual).as(String.join(" ", call)).isEqualTo(expected);
        }
        current();
        // every call but help went through the daemon
        assertThat(callsServed()).isEqualTo(calls.size() - 1);
    }

    /** A firmware project to freeze: a manifest, two modules, the unix firmware's qstr header. */
    private Path freezeProject(String name) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Files.createDirectories(dir.resolve("src/pkg"));
        Files.writeString(dir.resolve("src/a.py"), SOURCE);
        Files.writeString(dir.resolve("src/pkg/b.py"), "T = (1, 'two', 3.5)\n");
        Files.writeString(dir.resolve("manifest.py"), "freeze('$(PROJ)/src')\n");
        Files.writeString(dir.resolve("broken.py"), "freeze('src'\n");
        Files.copy(Shared.golden("firmware", "unix-standard", "qstrdefs.preprocessed.h"), dir.resolve("qstr.h"));
        return dir;
    }

    /**
     * The outcome with the project's own path written as P, so that two projects compare; the
     * cache's files are named by hashes of absolute paths (compared by content and mode) and its
     * stamp holds a time (compared by mode).
     */
    private Outcome freezeOutcome(Path dir, ProcessRun r) throws IOException {
        Outcome o = outcome(dir, r);
        String abs = dir.toString();
        String hexAbs = java.util.HexFormat.of().formatHex(abs.getBytes(StandardCharsets.UTF_8));
        Map<String, String> files = new HashMap<>();
        List<String> cached = new ArrayList<>();
        o.files().forEach((k, v) -> {
            String value = v.replace(hexAbs, "50");
            if (k.startsWith("build/freezer-cache/") && k.endsWith(".mpy")) {
                cached.add(value);
            } else if (k.endsWith("output.stamp")) {
                files.put(k, value.substring(0, value.indexOf(' ')));
            } else {
                files.put(k, value);
            }
        });
        java.util.Collections.sort(cached);
        files.put("build/freezer-cache/*.mpy", String.join(",", cached));
        return new Outcome(o.status(), o.stdout().replace(hexAbs, "50"), o.stderr().replace(abs, "P"), files);
    }

    /** A call under umask 027, which the daemon (started under the test's own) must apply to what it writes. */
    private ProcessRun freezeUnder027(Path cwd, boolean daemon, String... args) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask 027; exec \"$0\" \"$@\"", launcher.toString()));
        cmd.addAll(List.of(args));
        return ProcessRun.run(cwd, new byte[0], cmd, env(daemon));
    }

    @Test
    void aFreezeThroughTheDaemonIsAFreezeInProcess() throws IOException {
        List<String> base = List.of("freeze", "-o", "build/frozen_content.c", "-b", "build", "-q", "qstr.h",
                "-v", "PROJ=.");
        List<List<String>> calls = List.of(
                List.of("manifest.py"),
                List.of("manifest.py", "#again"),
                List.of("--map", "-", "manifest.py"),
                List.of("--map", "out/map.json", "manifest.py"),
                List.of("--max-rom", "100", "manifest.py"),
                List.of("broken.py"),
                List.of("--bogus", "manifest.py"),
                List.of("--help"));
        int i = 0;
        for (List<String> call : calls) {
            i++;
            Path inProcess = freezeProject("freeze-in-process-" + i);
            Path served = freezeProject("freeze-served-" + i);
            List<String> args = new ArrayList<>(base);
            boolean twice = call.contains("#again");
            args.addAll(call.stream().filter(a -> !a.equals("#again")).toList());
            String[] argv = args.toArray(String[]::new);
            if (twice) {
                // an unchanged rebuild: nothing to compile, the C left alone
                freezeUnder027(inProcess, false, argv);
                freezeUnder027(served, true, argv);
            }
            Outcome expected = freezeOutcome(inProcess, freezeUnder027(inProcess, false, argv));
            Outcome actual = freezeOutcome(served, freezeUnder027(served, true, argv));
            assertThat(actual).as(String.join(" ", call)).isEqualTo(expected);
            assertThat(actual.status()).as(String.join(" ", call)).isEqualTo(switch (call.get(0)) {
                case "--max-rom" -> 3;
                case "broken.py" -> 1;
                case "--bogus" -> 2;
                default -> 0;
            });
        }
        current();
        // every call but help went through the daemon (the unchanged rebuild's first run too)
        assertThat(callsServed()).isEqualTo(calls.size());
        Path c = work.resolve("freeze-served-1/build/frozen_content.c");
        assertThat(mode(c)).as("umask 027").isEqualTo("rw-r-----");
        assertThat(mode(c.getParent())).isEqualTo("rwxr-x---");
    }

    @Test
    void theMpyCrossLinkUsesTheDaemon() throws IOException {
        Path dir = project("link");
        Path link = Files.createSymbolicLink(work.resolve("mpy-cross"), launcher);
        ProcessRun r = ProcessRun.run(dir.resolve("sub"), new byte[0], List.of(link.toString(), "a.py"), env(true));
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(dir.resolve("sub/a.mpy")).exists();
        current();
        assertThat(callsServed()).isEqualTo(1);
    }

    @Test
    void newFilesGetTheCallersUmaskAndReplacedOnesKeepTheirMode() throws IOException {
        Path dir = project("umask").resolve("sub");
        for (String mask : List.of("027", "077", "002")) {
            ProcessRun r = ProcessRun.run(dir, new byte[0], List.of("bash", "-c",
                    "umask " + mask + " && exec \"$0\" compile -o a" + mask + ".mpy a.py", launcher.toString()), env(true));
            assertThat(r.status()).as(r.stderr()).isZero();
        }
        assertThat(mode(dir.resolve("a027.mpy"))).isEqualTo("rw-r-----");
        assertThat(mode(dir.resolve("a077.mpy"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("a002.mpy"))).isEqualTo("rw-rw-r--");
        // batch mode too, created folders included
        ProcessRun batch = ProcessRun.run(dir, new byte[0], List.of("bash", "-c",
                "umask 027 && exec \"$0\" compile --root . --out-dir out/b a.py", launcher.toString()), env(true));
        assertThat(batch.status()).as(batch.stderr()).isZero();
        assertThat(mode(dir.resolve("out"))).isEqualTo("rwxr-x---");
        assertThat(mode(dir.resolve("out/b"))).isEqualTo("rwxr-x---");
        assertThat(mode(dir.resolve("out/b/a.mpy"))).isEqualTo("rw-r-----");
        Files.setPosixFilePermissions(dir.resolve("a077.mpy"), PosixFilePermissions.fromString("rw----r--"));
        ProcessRun again = freezer(dir, "compile", "-o", "a077.mpy", "a.py");
        assertThat(again.status()).as(again.stderr()).isZero();
        assertThat(mode(dir.resolve("a077.mpy"))).isEqualTo("rw----r--");
        current();
        assertThat(callsServed()).isEqualTo(5);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void parallelCallsAreServedInParallelAndAPingIsAnsweredMeanwhile() throws Exception {
        Path dir = project("parallel").resolve("sub");
        State s = start();
        // a call that waits on its standard input holds one of the daemon's threads ...
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "compile", "-o", "-", "-").directory(dir.toFile());
        pb.environment().putAll(env(true));
        Process waiting = pb.start();
        CompletableFuture<byte[]> waitingOut = CompletableFuture.supplyAsync(() -> readAll(waiting.getInputStream()));
        CompletableFuture<byte[]> waitingErr = CompletableFuture.supplyAsync(() -> readAll(waiting.getErrorStream()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!freezer(work, "daemon", "status").stdoutText().contains(" running 1 ")) {
            assertThat(System.nanoTime()).as("the waiting call reached the daemon").isLessThan(deadline);
            Thread.sleep(50);
        }
        // ... while others are served, several at once
        List<CompletableFuture<ProcessRun>> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String out = "p" + i + ".mpy";
            others.add(CompletableFuture.supplyAsync(() -> freezer(dir, "compile", "-o", out, "a.py")));
        }
        byte[] expected = null;
        for (int i = 0; i < others.size(); i++) {
            ProcessRun r = others.get(i).get(5, TimeUnit.MINUTES);
            assertThat(r.status()).as(r.stderr()).isZero();
            byte[] mpy = Files.readAllBytes(dir.resolve("p" + i + ".mpy"));
            if (expected == null) {
                expected = mpy;
            }
            assertThat(mpy).isEqualTo(expected);
        }
        assertThat(waiting.isAlive()).isTrue();
        try (OutputStream in = waiting.getOutputStream()) {
            in.write(SOURCE.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(waiting.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(waitingErr.get()).isEmpty();
        assertThat(waiting.exitValue()).isZero();
        ProcessRun inProcess = freezer(dir, false, SOURCE.getBytes(StandardCharsets.UTF_8), "compile", "-o", "-", "-");
        assertThat(waitingOut.get()).isEqualTo(inProcess.stdout());
        assertThat(current().pid()).as("one daemon served them all").isEqualTo(s.pid());
        assertThat(callsServed()).isEqualTo(7);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void startStopStatusAndTheWaysToRunInProcess() throws IOException {
        Path dir = project("control").resolve("sub");
        ProcessRun none = freezer(work, "daemon", "status");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.stdoutText()).isEqualTo("freezer daemon: not running\n");

        assertThat(freezer(dir, false, new byte[0], "compile", "a.py").status()).isZero();
        assertThat(freezer(dir, "--no-daemon", "compile", "a.py").status()).isZero();
        assertThat(stateFiles()).as("FREEZER_DAEMON=0 and --no-daemon start no daemon").isEmpty();

        State s = start();
        // detached: its standard streams on /dev/null, nothing else of the launcher's kept open
        Path fds = Path.of("/proc/" + s.pid() + "/fd");
        if (Files.isDirectory(fds)) {
            for (String fd : List.of("0", "1", "2")) {
                assertThat(Files.readSymbolicLink(fds.resolve(fd))).as("fd " + fd).isEqualTo(Path.of("/dev/null"));
            }
            try (Stream<Path> open = Files.list(fds)) {
                assertThat(open.map(fd -> {
                    try {
                        return Files.readSymbolicLink(fd).toString();
                    } catch (IOException e) {
                        return "";
                    }
                }).filter(t -> t.contains("start.lock") || t.startsWith("pipe:"))).as("no lock, no pipe").isEmpty();
            }
        }
        Path folder = stateFiles().get(0).getParent();
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(stateFiles().get(0))).isEqualTo("rw-------");
        assertThat(freezer(work, "daemon", "start").stdoutText()).as("a second start finds it").contains(" pid " + s.pid());
        ProcessRun stop = freezer(work, "daemon", "stop");
        assertThat(stop.status()).as(stop.stderr()).isZero();
        assertThat(stop.stdoutText()).isEqualTo("freezer daemon: stopped (pid " + s.pid() + ")\n");
        waitUntilGone(s.pid());
        assertThat(stateFiles()).isEmpty();
        assertThat(freezer(work, "daemon", "stop").stdoutText()).isEqualTo("freezer daemon: not running\n");
        assertThat(freezer(work, "daemon", "frobnicate").status()).isEqualTo(2);
    }

    @Test
    void aDeadDaemonIsReplaced() throws IOException {
        Path dir = project("dead").resolve("sub");
        State s = start();
        ProcessHandle.of(s.pid()).orElseThrow().destroyForcibly();
        waitUntilGone(s.pid());
        ProcessRun r = freezer(dir, "compile", "a.py");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(dir.resolve("a.mpy")).exists();
        State next = current();
        assertThat(next.pid()).isNotEqualTo(s.pid());
        assertThat(callsServed()).isEqualTo(1);
    }

    @Test
    void aHungDaemonIsReplacedAfterASecond() throws IOException {
        Path dir = project("hung").resolve("sub");
        State s = start();
        ProcessRun stop = ProcessRun.run(work, new byte[0], List.of("kill", "-STOP", Long.toString(s.pid())));
        assertThat(stop.status()).as(stop.stderr()).isZero();
        ProcessRun r = freezer(dir, "compile", "a.py");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(dir.resolve("a.mpy")).exists();
        waitUntilGone(s.pid());
        State next = current();
        assertThat(next.pid()).isNotEqualTo(s.pid());
        assertThat(callsServed()).isEqualTo(1);
    }

    @Test
    void aDaemonThatStopsMidCallLeavesTheCallToRunInProcess() throws Exception {
        Path dir = project("mid-call").resolve("sub");
        State real = start();
        Path stateFile = stateFiles().get(0);
        ProcessRun stop = freezer(work, "daemon", "stop");
        assertThat(stop.status()).as(stop.stderr()).isZero();
        waitUntilGone(real.pid());
        // a stand-in that accepts the call, then drops it
        try (ServerSocket fake = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String token = "0123456789abcdef";
            Files.writeString(stateFile, fake.getLocalPort() + " 999999999 " + token + "\n");
            Files.setPosixFilePermissions(stateFile, PosixFilePermissions.fromString("rw-------"));
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> {
                try (Socket s = fake.accept()) {
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    byte[] b = new byte[4096];
                    while (!got.toString(StandardCharsets.UTF_8).endsWith("a.py\0")) {
                        int n = s.getInputStream().read(b);
                        if (n < 0) {
                            break;
                        }
                        got.write(b, 0, n);
                    }
                    s.getOutputStream().write("A\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    return got.toString(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ProcessRun r = freezer(dir, "compile", "a.py");
            assertThat(r.status()).as(r.stderr()).isZero();
            assertThat(r.stderr()).isEmpty();
            assertThat(dir.resolve("a.mpy")).exists();
            assertThat(request.get(10, TimeUnit.SECONDS)).startsWith("freezer-daemon\0" + "2\0call\0" + token + "\0");
        }
    }

    @Test
    void aRequestWithoutTheTokenIsRefused() throws IOException {
        Path dir = project("token").resolve("sub");
        State s = start();
        String jar = ProcessRun.repoRoot().resolve("cli/target/freezer.jar").toRealPath().toString();
        String wrong = talk(s.port(), "freezer-daemon", "2", "call", "not-the-token", jar, dir.toString(), "022", "2",
                "compile", "a.py");
        assertThat(wrong).startsWith("R refused");
        assertThat(talk(s.port(), "freezer-daemon", "2", "ping", "")).startsWith("R refused");
        assertThat(dir.resolve("a.mpy")).doesNotExist();
        String right = talk(s.port(), "freezer-daemon", "2", "call", s.token(), jar, dir.toString(), "022", "2", "compile",
                "a.py");
        assertThat(right).isEqualTo("A\nX 0 0\n");
        assertThat(dir.resolve("a.mpy")).exists();
    }

    /** A raw request; the whole answer. */
    private static String talk(int port, String... fields) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            for (String f : fields) {
                req.write(f.getBytes(StandardCharsets.UTF_8));
                req.write(0);
            }
            s.getOutputStream().write(req.toByteArray());
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aDaemonOfAnotherJarIsNeverUsedAndOneWhoseJarChangesExits() throws Exception {
        Path dir = project("version").resolve("sub");
        State first = start();
        Path stateFile = stateFiles().get(0);
        assertThat(freezer(work, "daemon", "stop").status()).isZero();
        waitUntilGone(first.pid());

        // a daemon of another freezer (another jar), published where this launcher looks
        Path jar = ProcessRun.repoRoot().resolve("cli/target/freezer.jar").toRealPath();
        Path otherJar = work.resolve("other-freezer.jar");
        Files.copy(jar, otherJar);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, "-cp", jar.toString(), "freezer.cli.daemon.DaemonServer",
                stateFile.toString(), otherJar.toString(), "300")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        pids.add(other.pid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(stateFile) || stateOf(stateFile).pid() != other.pid()) {
            assertThat(System.nanoTime()).as("the other daemon published its port").isLessThan(deadline);
            Thread.sleep(50);
        }
        ProcessRun r = freezer(dir, "compile", "a.py");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        State mine = current();
        assertThat(mine.pid()).as("a daemon of this jar replaced it").isNotEqualTo(other.pid());
        assertThat(callsServed()).isEqualTo(1);

        // a daemon whose own jar changes (a rebuild, an upgrade in place) exits by itself
        Process again = new ProcessBuilder(java, "-cp", jar.toString(), "freezer.cli.daemon.DaemonServer",
                work.resolve("other.state").toString(), otherJar.toString(), "300")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        pids.add(again.pid());
        while (!Files.exists(work.resolve("other.state"))) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
        Files.setLastModifiedTime(otherJar, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(again.waitFor(30, TimeUnit.SECONDS)).as("it exits").isTrue();
        assertThat(work.resolve("other.state")).as("and withdraws its port").doesNotExist();
    }
}
