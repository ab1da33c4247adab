package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** A served call's working directory and umask, applied as the kernel would for the caller. */
class CallerTest {
    @Test
    void newFilesGetWhatOpenWith0666GivesUnderTheUmask() {
        assertThat(PosixFilePermissions.toString(new Caller(Path.of("/"), 022).newFileMode())).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(new Caller(Path.of("/"), 027).newFileMode())).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(new Caller(Path.of("/"), 0).newFileMode())).isEqualTo("rw-rw-rw-");
        assertThat(PosixFilePermissions.toString(new Caller(Path.of("/"), 0777).newFileMode())).isEqualTo("---------");
        assertThat(Caller.PROCESS.newFileMode()).as("in-process: the kernel's").isNull();
    }

    @Test
    void relativePathsResolveAgainstTheCallersDirectory() {
        assertThat(new Caller(Path.of("/work/sub"), 022).path("../a.py")).isEqualTo(Path.of("/work/sub/../a.py"));
        assertThat(new Caller(Path.of("/work/sub"), 022).path("/abs/a.py")).isEqualTo(Path.of("/abs/a.py"));
        assertThat(Caller.PROCESS.path("a.py")).isEqualTo(Path.of("a.py"));
    }
}
