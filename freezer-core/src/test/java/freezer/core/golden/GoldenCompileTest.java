package freezer.core.golden;

import static org.junit.jupiter.api.Assertions.fail;

import freezer.core.CompileError;
import freezer.core.MpyCompiler;
import freezer.core.MpyCrossFlags;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MismatchReport;
import freezer.core.mpy.MpyFormatException;
import freezer.core.mpy.MpyReader;
import freezer.core.mpy.MpyWriter;
import freezer.testkit.GoldenCompile;
import freezer.testkit.GoldenCompile.ExpectedError;
import freezer.testkit.GoldenCompile.Program;
import freezer.testkit.GoldenCompile.Rejected;
import freezer.testkit.GoldenCompile.Variant;
import freezer.testkit.HexDiff;
import freezer.testkit.KnownFailures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * freezer against mpy-cross on every golden program: each {@code ok} program in every variant
 * must compile to the golden bytes, each {@code bad} program must be rejected with the golden
 * error. Cases not matched yet are listed in {@code known-failures.txt} (see {@link KnownFailures}).
 */
class GoldenCompileTest {
    private static final KnownFailures KNOWN = KnownFailures.load("known-failures.txt");

    @TestFactory
    Stream<DynamicNode> golden() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path group : GoldenCompile.groups("ok")) {
            List<DynamicNode> programs = new ArrayList<>();
            int cases = 0;
            for (Program p : GoldenCompile.programs(group)) {
                List<DynamicNode> variants = new ArrayList<>();
                for (Variant v : GoldenCompile.variants(p)) {
                    variants.add(KNOWN.test(v.label(), v.id(), () -> compileMatches(v)));
                }
                cases += variants.size();
                programs.add(DynamicContainer.dynamicContainer(p.name(), variants));
            }
            System.out.printf("golden compile ok/%s: %d programs, %d cases%n", group.getFileName(), programs.size(),
                    cases);
            nodes.add(DynamicContainer.dynamicContainer("ok/" + group.getFileName(), programs));
        }
        for (Path group : GoldenCompile.groups("bad")) {
            List<DynamicNode> programs = new ArrayList<>();
            for (Rejected r : GoldenCompile.rejected(group)) {
                programs.add(KNOWN.test(r.name(), r.id(), () -> rejectedAsMpyCross(r)));
            }
            System.out.printf("golden compile bad/%s: %d programs%n", group.getFileName(), programs.size());
            nodes.add(DynamicContainer.dynamicContainer("bad/" + group.getFileName(), programs));
        }
        nodes.add(KNOWN.listCheck());
        return nodes.stream();
    }

    private static void compileMatches(Variant v) throws MpyCrossFlags.UsageException, MpyFormatException {
        Program p = v.program();
        MpyCrossFlags flags = MpyCrossFlags.parse(v.mpyCrossArgs());
        byte[] source = GoldenCompile.bytes(p.source());
        byte[] expected = GoldenCompile.bytes(v.expected());
        CompiledModule module;
        try {
            module = MpyCompiler.compile(source, flags.inputs().get(0), flags.options());
        } catch (CompileError e) {
            fail(what(v) + ": freezer rejects it, mpy-cross compiles it:\n  " + e);
            return;
        }
        byte[] actual = MpyWriter.write(module);
        if (Arrays.equals(expected, actual) && !MpyReader.read(expected).equals(module)) {
            fail(what(v) + ": the same bytes, but the model MpyReader reads from them differs from the compiler's");
        }
        if (!Arrays.equals(expected, actual)) {
            StringBuilder sb = new StringBuilder(what(v)).append(": bytes differ from mpy-cross's\n");
            sb.append(HexDiff.describe(expected, actual));
            decodedReport(expected, actual).ifPresent(sb::append);
            if (v.isDefault()) {
                sb.append("golden disassembly: ").append(p.disassembly()).append('\n');
            }
            fail(sb.toString());
        }
    }

    /** The decoded difference of two .mpy files: which function, table entry or instruction, on each side. */
    private static Optional<String> decodedReport(byte[] expected, byte[] actual) {
        return Optional.of(MismatchReport.describe(expected, actual));
    }

    private static String what(Variant v) {
        return v.id() + " (program " + v.program().id(".py") + ", variant " + v.label() + ", mpy-cross "
                + String.join(" ", v.mpyCrossArgs()) + ")";
    }

    private static void rejectedAsMpyCross(Rejected r) {
        ExpectedError expected = r.expectedError();
        byte[] source = GoldenCompile.bytes(r.source());
        try {
            MpyCompiler.compileToMpy(source, r.sourceName(), freezer.core.CompileOptions.DEFAULT);
        } catch (CompileError e) {
            String actual = render(e);
            if (!actual.equals(expected.render())) {
                fail(r.id() + ": freezer's error differs from mpy-cross's\n  expected: "
                        + expected.render().replace("\n", "\n            ") + "\n  actual:   "
                        + actual.replace("\n", "\n            ") + "\n  freezer:  " + e);
            }
            return;
        }
        fail(r.id() + ": freezer compiles it, mpy-cross rejects it with\n  " + expected.render());
    }

    /** freezer's error in mpy-cross's form, to compare with the {@code .err} (line, not column). */
    static String render(CompileError e) {
        ExpectedError as = e.hasLine()
                ? new ExpectedError(e.file(), e.line(), e.scope(), e.type().name(), e.message())
                : new ExpectedError(null, 0, null, e.type().name(), e.message());
        return as.render();
    }
}
