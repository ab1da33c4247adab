package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The archive {@code mvn package} makes, unpacked where a user would (a folder with a space in
 * its name), run with no Maven and no checkout: the launcher, the jar, a man page for every
 * registered command, the completion script, the docs; and as a read-only install.
 */
class DistributionIT {
    private Path work;
    private Path home;
    private Map<String, String> env;

    @BeforeEach
    void unpack() throws IOException {
        work = Shared.targetDir("it-dist");
        Path archive = Path.of(System.getProperty("freezer.distribution", "target/none.tar.gz"));
        assertThat(archive).as("mvn package makes the distribution archive").exists();
        Path into = Files.createDirectories(work.resolve("opt with space"));
        ProcessRun tar = ProcessRun.run(work, new byte[0], List.of("tar", "-xzf", archive.toString(), "-C",
                into.toString()));
        assertThat(tar.status()).as(tar.stderr()).isZero();
        try (var tops = Files.list(into)) {
            home = tops.findFirst().orElseThrow();
        }
        // Maven, were the launcher to call it, leaves a mark and fails
        Path fakeBin = Files.createDirectories(work.resolve("fake-bin"));
        Path mvn = fakeBin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho called > '" + work.resolve("mvn-was-called") + "'\nexit 99\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        env = new HashMap<>();
        env.put("PATH", fakeBin + ":" + System.getenv("PATH"));
        env.put("XDG_CACHE_HOME", Files.createDirectories(work.resolve("cache")).toString());
    }

    private ProcessRun freezer(Path cwd, String... args) {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/freezer").toString()));
        cmd.addAll(List.of(args));
        return ProcessRun.run(cwd, new byte[0], cmd, env);
    }

    @Test
    void runsUnpackedAnywhereWithNoMavenAndNoCheckout() throws IOException {
        Path src = Files.createDirectories(work.resolve("project"));
        Files.writeString(src.resolve("main.py"), "print('hi')\n");
        ProcessRun r = freezer(src, "compile", "main.py");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(Files.readAllBytes(src.resolve("main.mpy"))).startsWith('M', 6);
        assertThat(work.resolve("mvn-was-called")).doesNotExist();

        // a link named mpy-cross, as a firmware build's MICROPY_MPYCROSS would name it
        Path link = Files.createSymbolicLink(work.resolve("mpy-cross"), home.resolve("bin/freezer"));
        ProcessRun v = ProcessRun.run(src, new byte[0], List.of(link.toString(), "--version"), env);
        assertThat(v.stdoutText()).endsWith("; mpy-cross emitting mpy v6.3\n");

        assertThat(home.resolve("share/doc/freezer/README.md")).exists();
        assertThat(home.resolve("share/doc/freezer/docs/cli.md")).exists();
        assertThat(home.resolve("share/doc/freezer/docs/install.md")).exists();
        assertThat(home.resolve("share/doc/freezer/docs/architecture.md")).exists();
    }

    @Test
    void aManPageAndCompletionForEveryRegisteredCommand() throws IOException {
        CommandLine model = DistributionFiles.model();
        Path man = home.resolve("share/man/man1");
        String completion = Files.readString(home.resolve("share/bash-completion/completions/freezer"));
        assertThat(man.resolve("freezer.1")).exists();
        for (CommandLine c : model.getSubcommands().values()) {
            if (c.getCommandSpec().helpCommand()) {
                continue;
            }
            String name = c.getCommandName();
            Path page = man.resolve("freezer-" + name + ".1");
            assertThat(page).as("man page of %s", name).exists();
            String roff = Files.readString(page, StandardCharsets.UTF_8);
            assertThat(completion).as("completion of %s", name).contains(name);
            for (CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                assertThat(roff).as("%s %s in its man page", name, o.longestName())
                        .contains(ManPage.escape(o.longestName()));
                assertThat(completion).as("%s %s completes", name, o.longestName()).contains(o.longestName());
            }
            renders(page);
        }
        ProcessRun bash = ProcessRun.run(work, new byte[0], List.of("bash", "-c",
                "source \"$1\" && complete -p freezer", "bash", home.resolve("share/bash-completion/completions/freezer")
                        .toString()));
        assertThat(bash.status()).as(bash.stderr()).isZero();
        assertThat(bash.stdoutText()).contains("freezer");
    }

    /** Through groff when the machine has it (said when it does not). */
    private void renders(Path page) {
        ProcessRun r;
        try {
            r = ProcessRun.run(work, new byte[0], List.of("groff", "-man", "-Tutf8", "-P-bou", page.toString()));
        } catch (RuntimeException e) {
            System.err.println("DistributionIT: groff is not installed: man pages checked for content only");
            return;
        }
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stderr()).as("groff's warnings on %s", page).isEmpty();
        assertThat(r.stdoutText()).contains("NAME", "SYNOPSIS", "EXIT STATUS");
    }

    @Test
    void runsFromAReadOnlyInstall() throws IOException {
        ProcessRun chmod = ProcessRun.run(work, new byte[0], List.of("chmod", "-R", "a-w", home.toString()));
        assertThat(chmod.status()).isZero();
        try {
            Path dir = work.resolve("as-user");
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setPosixFilePermissions(work.resolve("cache"), PosixFilePermissions.fromString("rwxrwxrwx"));
            Path source = dir.resolve("a.py");
            Files.writeString(source, "x = 1\n");
            Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r--r--"));
            List<String> cmd = List.of(home.resolve("bin/freezer").toString(), "compile", "a.py");
            String why = Unprivileged.reason(work, home.resolve("lib/freezer/freezer.jar"), dir);
            ProcessRun r;
            if (why == null) {
                r = ProcessRun.run(dir, new byte[0], Unprivileged.command(cmd), env);
            } else if (why.startsWith("not running as root")) {
                // file modes bind this user: the read-only tree is read-only for it
                r = ProcessRun.run(dir, new byte[0], cmd, env);
            } else {
                System.err.println("DistributionIT: NOT TESTED as an unprivileged user: " + why);
                Assumptions.abort("cannot drop privileges: " + why);
                return;
            }
            assertThat(r.status()).as(r.stderr()).isZero();
            assertThat(r.stderr()).isEmpty();
            assertThat(dir.resolve("a.mpy")).exists();
        } finally {
            ProcessRun.run(work, new byte[0], List.of("chmod", "-R", "u+w", home.toString()));
        }
    }
}
