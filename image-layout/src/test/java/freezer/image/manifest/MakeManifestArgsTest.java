package freezer.image.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link MakeManifestArgs} adds to argparse's reading ({@link PythonArgparseTest} checks
 * that against CPython): defaults, the checks of -v and --max-rom, the mpy-tool flags, and the
 * command lines real builds pass.
 */
class MakeManifestArgsTest {

    private static MakeManifestArgs parse(String... args) throws MakeManifestArgs.UsageException {
        return MakeManifestArgs.parse(List.of(args));
    }

    @Test
    void theUnixPortsCommandLine() throws Exception {
        MakeManifestArgs a = parse("-o", "build-standard/frozen_content.c", "-v", "MPY_DIR=../..", "-v",
                "MPY_LIB_DIR=../../lib/micropython-lib", "-v", "PORT_DIR=.", "-v", "BOARD_DIR=variants/standard",
                "-b", "build-standard", "--mpy-tool-flags=", "variants/standard/manifest.py");
        assertThat(a.output()).isEqualTo("build-standard/frozen_content.c");
        assertThat(a.buildDir()).isEqualTo("build-standard");
        assertThat(a.variables()).containsExactly("MPY_DIR=../..", "MPY_LIB_DIR=../../lib/micropython-lib",
                "PORT_DIR=.", "BOARD_DIR=variants/standard");
        assertThat(a.mpyCrossFlags()).isEmpty();
        assertThat(a.mpyCrossFlagList()).isEmpty();
        assertThat(a.mpyTool()).isEqualTo(MpyToolOptions.DEFAULT);
        assertThat(a.manifestInputs()).containsExactly(ManifestInput.of("variants/standard/manifest.py"));
        assertThat(a.strict()).isFalse();
        assertThat(a.help()).isFalse();
        assertThat(a.maxRom()).isEmpty();
    }

    @Test
    void theQemuPortsCommandLineWithGluedFlagsAndManifestCode() throws Exception {
        MakeManifestArgs a = parse("-o", "build/frozen_content.c", "-b", "build", "-f-march=armv7m", "-v", "MPY_DIR=../..",
                "require('unittest'); freeze('test-frzmpy', ('frozen_const.py',))");
        assertThat(a.mpyCrossFlagList()).containsExactly("-march=armv7m");
        assertThat(a.manifestInputs()).singleElement().isInstanceOf(ManifestInput.Code.class);
    }

    @Test
    void freezersOwnOptions() throws Exception {
        MakeManifestArgs a = parse("-q", "h.h", "--target", "qemu-armv7m", "--map", "-", "--max-rom", "65536", "--strict",
                "--mpy-cross-flags", "-O2 -march=armv7m", "m.py", "more.json");
        assertThat(a.qstrHeader()).isEqualTo("h.h");
        assertThat(a.target()).isEqualTo("qemu-armv7m");
        assertThat(a.map()).isEqualTo("-");
        assertThat(a.maxRom()).isEqualTo(OptionalLong.of(65536));
        assertThat(a.strict()).isTrue();
        assertThat(a.mpyCrossFlagList()).containsExactly("-O2", "-march=armv7m");
        assertThat(a.manifests()).containsExactly("m.py", "more.json");
    }

    @Test
    void aToolFlagValueThatLooksLikeAnOptionNeedsTheEqualsForm() {
        // as argparse: the unix longlong variant passes the value with a space, so it is not option-like
        assertThatThrownBy(() -> parse("--mpy-tool-flags", "-mlongint-impl=none", "m.py"))
                .hasMessageContaining("expected one argument");
    }

    @Test
    void helpStopsReadingAsArgparseDoes() throws Exception {
        assertThat(parse("-h", "--bogus").help()).isTrue();
        assertThat(parse("m.py", "--he").help()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            -mlongint-impl longlong             | LONGLONG | 16
            -mlongint-impl=none                 | NONE     | 16
            -mlongint-impl mpz -mmpz-dig-size 8 | MPZ      | 8
            -mmpz-dig-size=32                   | MPZ      | 32
            -mlong longlong                     | LONGLONG | 16
            '  '                                | MPZ      | 16
            -mmpz-dig-size 1_6                  | MPZ      | 16
            -march-flags 3 -mlongint-impl none  | NONE     | 16
            """)
    void mpyToolFlags(String flags, LongIntImpl impl, int digits) throws Exception {
        MakeManifestArgs a = parse("--mpy-tool-flags=" + flags, "m.py");
        assertThat(a.mpyTool()).isEqualTo(new MpyToolOptions(impl, digits));
        assertThat(a.mpyToolFlags()).isEqualTo(flags);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --mpy-tool-flags=-mlongint-impl=big, m.py  | invalid choice: 'big' (choose from 'none', 'longlong', 'mpz')
            --mpy-tool-flags=-mmpz-dig-size=x, m.py     | invalid int value: 'x'
            --mpy-tool-flags=-mmpz-dig-size=12, m.py    | must be 8, 16 or 32
            --mpy-tool-flags=-d, m.py                   | not -d/--disassemble
            --mpy-tool-flags=-h, m.py                   | not -h/--help
            --mpy-tool-flags=-march-flags=x, m.py       | argument -march-flags: invalid int value: 'x'
            --mpy-tool-flags=-m, m.py                   | ambiguous option: -m could match -mlongint-impl, -mmpz-dig-size, -march-flags
            --mpy-tool-flags=x.mpy, m.py                | unrecognized arguments: x.mpy
            --mpy-tool-flags=-mlongint-impl, m.py       | expected one argument
            -v, NOEQUALS, m.py                          | expected NAME=VALUE
            --max-rom, lots, m.py                       | expected a number of bytes
            --max-rom=-1, m.py                          | expected a number of bytes
            -o, out.c                                   | the following arguments are required: files
            -f, -O2, m.py                               | argument -f/--mpy-cross-flags: expected one argument
            m.py, -o, out.c, n.py                       | unrecognized arguments: n.py
            --m, x, m.py                                | ambiguous option: --m could match --mpy-cross-flags, --mpy-tool-flags, --map, --max-rom
            --strict=yes, m.py                          | ignored explicit argument 'yes'
            """)
    void usageErrors(String args, String words) {
        assertThatThrownBy(() -> MakeManifestArgs.parse(List.of(args.split(", "))))
                .isInstanceOf(MakeManifestArgs.UsageException.class).hasMessageContaining(words);
    }
}
