package freezer.image.frozenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.batch.BatchCompiler;
import freezer.image.manifest.FreezeKind;
import freezer.image.manifest.LongIntImpl;
import freezer.image.manifest.ManifestEntry;
import freezer.image.manifest.MpyToolOptions;
import freezer.testkit.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The faults upstream writes silently (warnings) and those where it fails (errors), on small modules. */
class FreezeFaultsTest {

    private static ManifestEntry module(Path dir, String target, String source) throws Exception {
        Path f = dir.resolve(target.replace('/', '_') + ".src");
        Files.write(f, source.getBytes(StandardCharsets.UTF_8));
        return new ManifestEntry(FreezeKind.COMPILE, f, target, 0, null, null);
    }

    private static FrozenImage freeze(List<ManifestEntry> entries, MpyToolOptions options, boolean single)
            throws FreezeException {
        GoldenFreeze.Firmware fw = GoldenFreeze.Firmware.UNIX;
        return FreezePipeline.run(new FreezePipeline.Request(entries, fw.qstrs(), List.of(), options, "build", single,
                "test"), new BatchCompiler(1), FreezePipeline.ModuleCache.NONE).image();
    }

    private static List<FreezeWarning.Kind> kinds(FrozenImage image) {
        List<FreezeWarning.Kind> k = new ArrayList<>();
        for (FreezeWarning w : image.warnings()) {
            k.add(w.kind());
        }
        return k;
    }

    @Test
    void moduleCNamesThatCollideOrAreNotIdentifiers() throws Exception {
        Path dir = Shared.targetDir("faults/cnames");
        FrozenImage image = freeze(List.of(module(dir, "a/b.py", "x = 1\n"), module(dir, "a_b.py", "y = 2\n"),
                module(dir, "my-mod.py", "z = 3\n")), MpyToolOptions.DEFAULT, false);
        assertThat(image.warnings()).extracting(FreezeWarning::text).anySatisfy(t -> assertThat(t)
                .startsWith("a_b.py: ").contains("frozen_module_a_b", "also the C name of a/b.py"))
                .anySatisfy(t -> assertThat(t).startsWith("my-mod.py: ").contains("not a C identifier"));
    }

    @Test
    void anEmptyStrModuleAndAQstrThatLosesItsIdentifier() throws Exception {
        Path dir = Shared.targetDir("faults/str");
        Path empty = dir.resolve("empty.py");
        Files.write(empty, new byte[0]);
        List<ManifestEntry> entries = List.of(new ManifestEntry(FreezeKind.STR, empty, "empty.py", 0, null, null),
                module(dir, "q.py", "A = 'a.b'\nB = 'a_dot_b'\n"));
        FrozenImage image = freeze(entries, MpyToolOptions.DEFAULT, false);
        assertThat(kinds(image)).containsExactly(FreezeWarning.Kind.EMPTY_STR_MODULE, FreezeWarning.Kind.QSTR_IDENTIFIER);
        assertThat(image.warnings().get(1).text()).startsWith("q.py: ").contains("'a_dot_b'", "MP_QSTR_a_dot_b", "'a.b'");
    }

    @Test
    void floatsAndLongInts() throws Exception {
        Path dir = Shared.targetDir("faults/numbers");
        ManifestEntry tiny = module(dir, "tiny.py", "X = 5e-324\nY = 1e30\n");
        assertThat(kinds(freeze(List.of(tiny), MpyToolOptions.DEFAULT, false))).isEmpty();
        assertThat(kinds(freeze(List.of(tiny), MpyToolOptions.DEFAULT, true)))
                .containsExactly(FreezeWarning.Kind.FLOAT_SINGLE_PRECISION);
        assertThatThrownBy(() -> freeze(List.of(module(dir, "huge.py", "X = 3.5e38\n")), MpyToolOptions.DEFAULT, false))
                .isInstanceOf(FreezeException.class).hasMessageContaining("too large for a C float");
        ManifestEntry longs = module(dir, "longs.py", "X = 2 ** 70\nY = (1 << 40,)\n");
        assertThatThrownBy(() -> freeze(List.of(longs), new MpyToolOptions(LongIntImpl.NONE, 16), false))
                .isInstanceOf(FreezeException.class).hasMessageContaining("does not support long int");
        assertThat(kinds(freeze(List.of(longs), new MpyToolOptions(LongIntImpl.LONGLONG, 16), false)))
                .containsExactly(FreezeWarning.Kind.LONGLONG_RANGE);
    }

    @Test
    void sourcesThatAreNotUtf8OrDoNotCompile() throws Exception {
        Path dir = Shared.targetDir("faults/sources");
        Path latin = dir.resolve("latin.py");
        Files.write(latin, new byte[] {'x', ' ', '=', ' ', '\'', (byte) 0xe9, '\'', '\n'});
        assertThatThrownBy(() -> freeze(List.of(new ManifestEntry(FreezeKind.COMPILE, latin, "latin.py", 0, null, null)),
                MpyToolOptions.DEFAULT, false)).isInstanceOf(FreezeException.class).hasMessageContaining("not UTF-8");
        ManifestEntry broken = module(dir, "broken.py", "def f(:\n");
        assertThatThrownBy(() -> freeze(List.of(broken), MpyToolOptions.DEFAULT, false))
                .isInstanceOf(FreezeException.class)
                .satisfies(e -> assertThat(((FreezeException) e).text()).startsWith("broken.py: error compiling: ")
                        .contains("broken.py.src:1:", "SyntaxError"));
    }

    @Test
    void versionTaggingAndLineEndings() throws Exception {
        Path dir = Shared.targetDir("faults/version");
        assertThat(new String(SourceText.tagged("a = 1\r\nb = 2\r".getBytes(StandardCharsets.UTF_8), "1.0"),
                StandardCharsets.UTF_8)).isEqualTo("a = 1\nb = 2\n\n\n__version__ = '1.0'\n");
        assertThat(new String(SourceText.tagged("__version__ = '9'\n".getBytes(StandardCharsets.UTF_8), "1.0"),
                StandardCharsets.UTF_8)).isEqualTo("__version__ = '9'\n");
        ManifestEntry tagged = new ManifestEntry(FreezeKind.COMPILE, module(dir, "v.py", "x = 1\n").source(), "v.py", 0,
                "2.5", null);
        assertThat(new String(freeze(List.of(tagged), MpyToolOptions.DEFAULT, false).content(),
                StandardCharsets.UTF_8)).contains("MP_QSTR___version__", "MP_QSTR_2_dot_5");
    }

    @Test
    void aPrebuiltMpyWithTrailingBytesIsFrozenWithoutThem() throws Exception {
        Path dir = Shared.targetDir("faults/trailing");
        Path golden = Shared.golden("compile", "ok", "functions", "positional_defaults.mpy");
        byte[] clean = Files.readAllBytes(golden);
        byte[] padded = java.util.Arrays.copyOf(clean, clean.length + 3);
        padded[clean.length] = 'X';
        Path cleanFile = dir.resolve("clean.mpy");
        Path paddedFile = dir.resolve("padded.mpy");
        Files.write(cleanFile, clean);
        Files.write(paddedFile, padded);
        FrozenImage withClean = freeze(List.of(new ManifestEntry(FreezeKind.MPY, cleanFile, "m.mpy", 0, null, null)),
                MpyToolOptions.DEFAULT, false);
        FrozenImage withPadded = freeze(List.of(new ManifestEntry(FreezeKind.MPY, paddedFile, "m.mpy", 0, null,
                null)), MpyToolOptions.DEFAULT, false);
        assertThat(kinds(withClean)).isEmpty();
        assertThat(kinds(withPadded)).containsExactly(FreezeWarning.Kind.MPY_TRAILING_BYTES);
        assertThat(withPadded.warnings().get(0).text()).contains(paddedFile + ": offset " + clean.length
                + ": 3 bytes follow the end of the module; not frozen");
        assertThat(new String(withPadded.content(), StandardCharsets.UTF_8).replace(paddedFile.toString(), "F"))
                .isEqualTo(new String(withClean.content(), StandardCharsets.UTF_8).replace(cleanFile.toString(), "F"));
    }
}
