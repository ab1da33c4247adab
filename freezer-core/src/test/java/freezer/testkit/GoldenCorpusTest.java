package freezer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.MpyCrossFlags;
import freezer.testkit.GoldenCompile.ExpectedError;
import freezer.testkit.GoldenCompile.Program;
import freezer.testkit.GoldenCompile.Rejected;
import freezer.testkit.GoldenCompile.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness's reading of the golden corpus, checked on its own: while most golden cases are
 * known failures, a harness bug would hide among them.
 */
class GoldenCorpusTest {

    @Test
    void everyVariantHasItsGoldenFileAndFlagsMpyCrossAccepts() throws Exception {
        int variants = 0;
        for (Path group : GoldenCompile.groups("ok")) {
            for (Program p : GoldenCompile.programs(group)) {
                assertThat(p.expectedOutput()).exists();
                assertThat(p.disassembly()).exists();
                for (Variant v : GoldenCompile.variants(p)) {
                    assertThat(v.expected()).as(v.id()).exists();
                    MpyCrossFlags f = MpyCrossFlags.parse(v.mpyCrossArgs());
                    assertThat(f.inputs()).containsExactly(p.sourceName());
                    assertThat(f.options().sourceName()).isEqualTo(
                            v.label().equals("srcname") ? "renamed.py" : p.sourceName());
                    variants++;
                }
            }
        }
        assertThat(variants).isGreaterThan(500);
    }

    @Test
    void variantFlagsBecomeOptions() throws Exception {
        Path options = GoldenCompile.root().resolve("ok/options");
        Program p = GoldenCompile.programs(options).get(0);
        List<Variant> vs = GoldenCompile.variants(p);
        assertThat(vs).extracting(Variant::label).containsExactly("default", "O3", "O1", "O2", "small16", "small8",
                "srcname");
        assertThat(MpyCrossFlags.parse(vs.get(1).mpyCrossArgs()).options().optimisationLevel()).isEqualTo(3);
        assertThat(MpyCrossFlags.parse(vs.get(5).mpyCrossArgs()).options().smallIntBits()).isEqualTo(8);
        assertThat(vs.get(0).id()).isEqualTo("ok/options/" + p.name() + ".mpy");
        assertThat(vs.get(4).id()).isEqualTo("ok/options/" + p.name() + ".small16.mpy");
    }

    @Test
    void everyErrFileReadsBackAsMpyCrossWroteIt() {
        int withoutLine = 0;
        for (Path group : GoldenCompile.groups("bad")) {
            for (Rejected r : GoldenCompile.rejected(group)) {
                String text = GoldenCompile.read(r.errFile());
                ExpectedError e = r.expectedError();
                String expected = e.hasLine() ? "Traceback (most recent call last):\n  " + e.render() : e.render();
                assertThat(expected).as(r.id()).isEqualTo(text.stripTrailing());
                if (e.hasLine()) {
                    assertThat(e.file()).as(r.id()).isEqualTo(r.sourceName());
                } else {
                    withoutLine++;
                }
            }
        }
        assertThat(withoutLine).as("errors mpy-cross gives no line (golden README: six)").isEqualTo(6);
    }

    @Test
    void renderedErrorsKeepScopeOnlyWhenThereIsOne() {
        assertThat(new ExpectedError("a.py", 3, "f", "SyntaxError", "x").render())
                .isEqualTo("File \"a.py\", line 3, in f\nSyntaxError: x");
        assertThat(new ExpectedError("a.py", 3, null, "SyntaxError", "x").render())
                .isEqualTo("File \"a.py\", line 3\nSyntaxError: x");
        assertThat(new ExpectedError(null, 0, null, "RuntimeError", "name too long").render())
                .isEqualTo("RuntimeError: name too long");
    }

    @Test
    void hexDiffPointsAtTheFirstDifference() {
        byte[] a = new byte[40];
        byte[] b = a.clone();
        b[33] = 7;
        String d = HexDiff.describe(a, b);
        assertThat(d).startsWith("first difference at offset 33 (0x21); expected 40 bytes, actual 40 bytes");
        assertThat(d).contains("000020: 00[07]00");
        assertThat(HexDiff.firstDifference(a, a.clone())).isEqualTo(-1);
        assertThat(HexDiff.describe(a, new byte[38])).contains("offset 38").contains("(end of data)");
    }

    @Test
    void runtimeMismatchListsAreReadWhenPresent() throws Exception {
        Path tmp = Shared.targetDir("corpus-test");
        Files.writeString(tmp.resolve("runtime-mismatch.txt"), "# comment\nfoo\nbar.py\n\n");
        assertThat(GoldenCompile.runtimeMismatches(tmp)).containsExactly("bar", "foo");
        assertThat(GoldenCompile.runtimeMismatches(tmp.resolve("none"))).isEmpty();
    }
}
