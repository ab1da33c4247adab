package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every file freezer writes gets the mode a plain write would give it: the umask's for a new
 * file, the old mode for a replaced one (atomic writes go through a temporary file, whose mode
 * must not leak), whatever the command.
 */
class FileModeTest {
    private static final FakeCompiler FAKE = new FakeCompiler();
    private Path dir;

    @BeforeEach
    void setUp() {
        dir = Shared.targetDir("file-modes");
    }

    /** The mode a plain write gives a new file here (the umask's). */
    private Set<PosixFilePermission> plainWriteMode() throws IOException {
        Path probe = dir.resolve("probe");
        Files.write(probe, new byte[1]);
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        return mode;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static void setMode(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    @Test
    void atomicWritesGiveANewFileTheUmasksModeAndKeepAReplacedFilesMode() throws IOException {
        Path fresh = dir.resolve("fresh.bin");
        AtomicFiles.write(fresh, new byte[] {1});
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(plainWriteMode());
        for (String m : new String[] {"rw-rw-r--", "rw-r-----", "rw-------", "rwxr-xr-x"}) {
            setMode(fresh, m);
            AtomicFiles.write(fresh, new byte[] {2});
            assertThat(mode(fresh)).isEqualTo(m);
        }
    }

    @Test
    void mergeKeepsTheModes() throws IOException {
        Path mpy = CommandRun.golden("compile/ok/functions/positional_defaults.mpy");
        Path out = dir.resolve("merged.mpy");
        assertThat(CliRun.run(FAKE, "merge", "-o", out.toString(), mpy.toString(), mpy.toString()).status()).isZero();
        assertThat(Files.getPosixFilePermissions(out)).as("a new merge output").isEqualTo(plainWriteMode());
        setMode(out, "rw-rw-r--");
        assertThat(CliRun.run(FAKE, "merge", "-o", out.toString(), mpy.toString()).status()).isZero();
        assertThat(mode(out)).as("a replaced 0664 file").isEqualTo("rw-rw-r--");
    }

    @Test
    void compileKeepsTheModesOneFileAndBatch() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("a.py"), "a\n");
        Path one = dir.resolve("one.mpy");
        assertThat(CliRun.run(FAKE, "compile", "-o", one.toString(), src.resolve("a.py").toString()).status()).isZero();
        assertThat(Files.getPosixFilePermissions(one)).isEqualTo(plainWriteMode());
        setMode(one, "rw-r-----");
        assertThat(CliRun.run(FAKE, "compile", "-o", one.toString(), src.resolve("a.py").toString()).status()).isZero();
        assertThat(mode(one)).isEqualTo("rw-r-----");

        Path out = dir.resolve("out");
        assertThat(CliRun.run(FAKE, "compile", "--root", src.toString(), "--out-dir", out.toString()).status()).isZero();
        assertThat(Files.getPosixFilePermissions(out.resolve("a.mpy"))).isEqualTo(plainWriteMode());
        setMode(out.resolve("a.mpy"), "rw-rw-rw-");
        assertThat(CliRun.run(FAKE, "compile", "--root", src.toString(), "--out-dir", out.toString()).status()).isZero();
        assertThat(mode(out.resolve("a.mpy"))).isEqualTo("rw-rw-rw-");
    }
}
