package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code ./freezer} launcher and an {@code mpy-cross} link to it, run as a user or a build would. */
class LauncherIT {
    private static final String VERSION_END = "; mpy-cross emitting mpy v6.3\n";
    private Path work;
    private Path launcher;

    @BeforeEach
    void setUp() {
        work = Shared.targetDir("it-launcher");
        launcher = ProcessRun.repoRoot().resolve("freezer");
    }

    private ProcessRun run(Path program, String... args) {
        return runWithInput(program, new byte[0], args);
    }

    private ProcessRun runWithInput(Path program, byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(program.toString()));
        cmd.addAll(List.of(args));
        return ProcessRun.run(work, stdin, cmd);
    }

    private static ProcessRun runIn(Path cwd, Map<String, String> env, List<String> command) {
        return ProcessRun.run(cwd, new byte[0], command, env);
    }

    /** A fresh folder under the work folder that any user may write (for runs as nobody). */
    private Path openFolder(String name) throws IOException {
        Path dir = work.resolve(name);
        ProcessRun.run(work, new byte[0], List.of("rm", "-rf", dir.toString()));
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    private static List<Path> archivesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            // the compile archive; the one `freezer freeze` maps in is made beside it (freezeArchivesUnder)
            return walk.filter(p -> p.toString().endsWith(".jsa") && !p.toString().endsWith("-freeze.jsa")).toList();
        }
    }

    private static List<Path> freezeArchivesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith("-freeze.jsa")).toList();
        }
    }

    /** The launcher's own leavings in the checkout: what it must no longer write there. */
    private static List<Path> launcherFilesInCheckout() throws IOException {
        Path target = ProcessRun.repoRoot().resolve("cli/target");
        try (Stream<Path> list = Files.list(target)) {
            return list.filter(p -> p.getFileName().toString().matches("freezer\\.jsa.*|\\.launcher\\.lock"))
                    .toList();
        }
    }

    @Test
    void cachesAndLocksLiveInTheUsersCacheFolder() throws IOException {
        Path xdg = openFolder("xdg-cache");
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CACHE_HOME", xdg.toString());
        ProcessRun r = runIn(work, env, List.of(launcher.toString(), "compile", "--version"));
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(archivesUnder(xdg.resolve("freezer"))).as("a class-data archive in $XDG_CACHE_HOME/freezer")
                .hasSize(1);
        assertThat(freezeArchivesUnder(xdg.resolve("freezer"))).as("and one for freeze beside it").hasSize(1);
        assertThat(xdg.resolve("freezer")).isDirectory();
        assertThat(launcherFilesInCheckout()).as("nothing written beside the jar").isEmpty();

        // without XDG_CACHE_HOME (or with a relative one, which the XDG spec says to ignore): ~/.cache/freezer
        Path home = openFolder("home");
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", "relative/cache");
        ProcessRun h = runIn(work, env, List.of(launcher.toString(), "compile", "--version"));
        assertThat(h.status()).as(h.stderr()).isZero();
        assertThat(archivesUnder(home.resolve(".cache/freezer"))).hasSize(1);
        assertThat(work.resolve("relative")).doesNotExist();

        // no cache folder to be had (HOME is a file): freezer still runs, only without the archive
        Path fileHome = work.resolve("home-is-a-file");
        Files.writeString(fileHome, "");
        env.put("HOME", fileHome.toString());
        env.put("XDG_CACHE_HOME", null);
        ProcessRun none = runIn(work, env, List.of(launcher.toString(), "compile", "--version"));
        assertThat(none.status()).as(none.stderr()).isZero();
        assertThat(none.stderr()).isEmpty();
        assertThat(none.stdoutText()).endsWith(VERSION_END);
    }

    /** A JDK 25 or later under /usr/lib/jvm (or $FREEZER_TEST_JDK25), or null. */
    private static Path jdk25() throws IOException {
        String given = System.getenv("FREEZER_TEST_JDK25");
        if (given != null && !given.isEmpty()) {
            return Path.of(given);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> list = Files.list(jvms)) {
            for (Path home : list.sorted().toList()) {
                Path release = home.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
                    for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                        if (line.startsWith("JAVA_VERSION=")) {
                            String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                            String major = v.split("[.+-]")[0];
                            if (major.matches("[0-9]+") && Integer.parseInt(major) >= 25) {
                                return home;
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    /** On JDK 25 the launcher keeps an AOT cache instead of a CDS archive, and runs with it quietly. */
    @Test
    void onJdk25TheArchivesAreAotCaches() throws IOException {
        Path jdk = jdk25();
        if (jdk == null) {
            System.err.println("LauncherIT: NOT TESTED on JDK 25: none under /usr/lib/jvm (set FREEZER_TEST_JDK25)");
            Assumptions.abort("no JDK 25 or later on this machine");
        }
        Path xdg = openFolder("xdg-jdk25");
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CACHE_HOME", xdg.toString());
        env.put("JAVA_HOME", jdk.toString());
        Path source = xdg.resolve("a.py");
        Files.writeString(source, "x = [1, 2]\ndef f(a):\n    return a + 1\n");
        ProcessRun first = runIn(work, env, List.of(launcher.toString(), "compile", "-o", xdg.resolve("a1.mpy").toString(),
                source.toString()));
        assertThat(first.status()).as(first.stderr()).isZero();
        List<Path> caches;
        try (Stream<Path> walk = Files.walk(xdg.resolve("freezer"))) {
            caches = walk.filter(p -> p.toString().endsWith(".aot")).sorted().toList();
        }
        assertThat(caches).as("an AOT cache for compile and one for freeze").hasSize(2);
        assertThat(archivesUnder(xdg.resolve("freezer"))).as("no CDS archive").isEmpty();
        ProcessRun second = runIn(work, env, List.of(launcher.toString(), "compile", "-o", xdg.resolve("a2.mpy").toString(),
                source.toString()));
        assertThat(second.status()).as(second.stderr()).isZero();
        assertThat(second.stderr()).as("the cache maps in without a word").isEmpty();
        assertThat(Files.readAllBytes(xdg.resolve("a2.mpy"))).isEqualTo(Files.readAllBytes(xdg.resolve("a1.mpy")));
    }

    @Test
    void runsFromAReadOnlyCheckoutAsAnotherUser() throws IOException {
        Path root = ProcessRun.repoRoot();
        Path dir = openFolder("as-nobody");
        String why = Unprivileged.reason(work, launcher, root.resolve("cli/target/freezer.jar"), dir);
        if (why != null) {
            System.err.println("LauncherIT: NOT TESTED as an unprivileged user: " + why);
            Assumptions.abort("cannot drop privileges: " + why);
        }
        Path source = dir.resolve("hello.py");
        Files.writeString(source, "print('hello')\n");
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r--r--"));
        Path cache = dir.resolve("cache");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", "/nonexistent");
        env.put("XDG_CACHE_HOME", cache.toString());

        ProcessRun r = runIn(dir, env, Unprivileged.command(List.of(launcher.toString(), "compile", "hello.py")));
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(dir.resolve("hello.mpy")).exists();
        List<Path> archives = archivesUnder(cache.resolve("freezer"));
        assertThat(archives).as("nobody's own class-data archive").hasSize(1);

        // an archive older than the jar is made again, in nobody's cache, not beside the jar
        Files.setLastModifiedTime(archives.get(0), FileTime.fromMillis(0));
        ProcessRun again = runIn(dir, env, Unprivileged.command(List.of(launcher.toString(), "compile", "hello.py")));
        assertThat(again.status()).as(again.stderr()).isZero();
        assertThat(Files.getLastModifiedTime(archives.get(0)).toMillis()).isPositive();

        // no cache folder at all (nobody's home does not exist)
        env.put("XDG_CACHE_HOME", null);
        ProcessRun bare = runIn(dir, env, Unprivileged.command(List.of(launcher.toString(), "compile", "--version")));
        assertThat(bare.status()).as(bare.stderr()).isZero();
        assertThat(bare.stderr()).isEmpty();
        assertThat(launcherFilesInCheckout()).isEmpty();
    }

    @Test
    void writtenFilesFollowTheCallersUmask() throws IOException {
        Path dir = openFolder("umask");
        Files.writeString(dir.resolve("a.py"), "x = 1\n");
        List<String> underUmask = List.of("sh", "-c", "umask 027 && exec \"$0\" \"$@\"", launcher.toString());
        List<String> compile = new ArrayList<>(underUmask);
        compile.addAll(List.of("compile", "a.py"));
        ProcessRun r = runIn(dir, Map.of(), compile);
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.mpy"))))
                .isEqualTo("rw-r-----");
        List<String> merge = new ArrayList<>(underUmask);
        merge.addAll(List.of("merge", "-o", "m.mpy", "a.mpy"));
        ProcessRun m = runIn(dir, Map.of(), merge);
        assertThat(m.status()).as(m.stderr()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("m.mpy"))))
                .isEqualTo("rw-r-----");
    }

    @Test
    void aCopiedLauncherSaysInOneLineWhatToDo() throws IOException {
        Path bin = openFolder("copied-bin");
        Path copy = bin.resolve("freezer");
        Files.copy(launcher, copy);
        ProcessRun r = runIn(bin, Map.of(), List.of(copy.toString(), "compile", "--version"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).startsWith("freezer: no freezer installation beside " + copy)
                .contains("FREEZER_HOME").hasLineCount(1);
        try (Stream<Path> left = Files.list(bin)) {
            assertThat(left).as("nothing created beside the copy").containsExactly(copy);
        }
        ProcessRun home = runIn(bin, Map.of("FREEZER_HOME", ProcessRun.repoRoot().toString()),
                List.of(copy.toString(), "compile", "--version"));
        assertThat(home.status()).as(home.stderr()).isZero();
        assertThat(home.stdoutText()).endsWith(VERSION_END);
    }

    @Test
    void runsFromAnyFolderAndPrintsOnlyWhatTheCommandPrints() {
        ProcessRun r = run(launcher, "compile", "--version");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdoutText()).startsWith("MicroPython v1.28.0 on freezer ").endsWith(VERSION_END)
                .hasLineCount(1);
        ProcessRun none = run(launcher);
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.stdout()).isEmpty();
    }

    @Test
    void aLinkNamedMpyCrossIsFreezerCompile() throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("mpy-cross"), launcher);
        ProcessRun version = run(link, "--version");
        assertThat(version.status()).as(version.stderr()).isZero();
        assertThat(version.stdoutText()).endsWith(VERSION_END);

        // a relative link to a link, as a package manager might install it
        Path other = Files.createDirectories(work.resolve("other"));
        Files.createSymbolicLink(other.resolve("freezer"), launcher);
        Path chained = Files.createSymbolicLink(bin.resolve("mpy-cross-2"), Path.of("../other/freezer"));
        Path renamed = Files.createSymbolicLink(Files.createDirectories(work.resolve("bin2")).resolve("mpy-cross"),
                chained);
        assertThat(run(renamed, "--version").stdoutText()).endsWith(VERSION_END);

        ProcessRun usage = run(link, "-Z", "x.py");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.stderr()).startsWith("freezer compile: unknown option '-Z'");

        ProcessRun missing = run(link, "nofile.py");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("nofile.py: OSError: can't open nofile.py: no such file or directory\n");
    }

    /** Where a link leads is remembered (a readlink per call costs milliseconds), but never trusted blindly. */
    @Test
    void aLinksTargetIsRememberedWhileItStillLeadsThere() throws IOException {
        Path xdg = openFolder("xdg-links");
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CACHE_HOME", xdg.toString());
        Path bin = Files.createDirectories(work.resolve("bin-memo"));
        Path link = bin.resolve("mpy-cross");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, launcher);
        ProcessRun first = runIn(work, env, List.of(link.toString(), "--version"));
        assertThat(first.status()).as(first.stderr()).isZero();
        Path links = xdg.resolve("freezer/links");
        List<Path> memos;
        try (Stream<Path> list = Files.list(links)) {
            memos = list.toList();
        }
        assertThat(memos).hasSize(1);
        assertThat(Files.readString(memos.get(0)).trim()).isEqualTo(launcher.toRealPath().toString());
        assertThat(runIn(work, env, List.of(link.toString(), "--version")).stdoutText()).endsWith(VERSION_END);

        // the link now leads to a copy of the launcher, away from any installation: the memo
        // must not make it run the old one
        Path copy = Files.createDirectories(work.resolve("copied")).resolve("freezer");
        Files.copy(launcher, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(link);
        Files.createSymbolicLink(link, copy);
        ProcessRun moved = runIn(work, env, List.of(link.toString(), "--version"));
        assertThat(moved.status()).isEqualTo(1);
        assertThat(moved.stderr()).startsWith("freezer: no freezer installation beside " + copy.toRealPath());
        assertThat(Files.readString(memos.get(0)).trim()).isEqualTo(copy.toRealPath().toString());
    }

    @Test
    void compilesRelativePathsFromTheCallersFolder() throws IOException {
        Files.writeString(work.resolve("hello.py"), "print('hello')\n");
        ProcessRun r = run(launcher, "compile", "hello.py");
        // 0 once the compiler is complete, 1 (with freezer's error) until then: never a crash
        assertThat(r.status()).as(r.stderr()).isIn(0, 1);
        if (r.status() == 0) {
            assertThat(Files.readAllBytes(work.resolve("hello.mpy"))).startsWith('M', 6);
        } else {
            assertThat(r.stderr()).startsWith("hello.py").doesNotContain("\tat ");
            assertThat(work.resolve("hello.mpy")).doesNotExist();
        }
    }

    @Test
    void standardInputToStandardOutputCarriesOnlyMpyBytes() {
        ProcessRun r = runWithInput(launcher, "x = 1\n".getBytes(StandardCharsets.UTF_8), "compile", "-");
        assertThat(r.status()).as(r.stderr()).isIn(0, 1);
        if (r.status() == 0) {
            assertThat(r.stdout()).startsWith('M', 6);
        } else {
            assertThat(r.stdout()).isEmpty();
            assertThat(r.stderr()).startsWith("<stdin>");
        }
    }
}
