package freezer.core.golden;

import static org.junit.jupiter.api.Assertions.fail;

import freezer.core.CompileError;
import freezer.core.ErrorType;
import freezer.core.MpyCompiler;
import freezer.core.MpyCrossFlags;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MismatchReport;
import freezer.core.mpy.MpyFormatException;
import freezer.core.mpy.MpyReader;
import freezer.core.mpy.MpyWriter;
import freezer.testkit.GoldenCompile.ExpectedError;
import freezer.testkit.GoldenCompile;
import freezer.testkit.GoldenNative.Abort;
import freezer.testkit.GoldenNative.Arch;
import freezer.testkit.GoldenNative.Bad;
import freezer.testkit.GoldenNative.Compiled;
import freezer.testkit.GoldenNative.Refused;
import freezer.testkit.GoldenNative;
import freezer.testkit.KnownFailures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * freezer against mpy-cross on every golden file of native code, for all 13 architecture
 * labels: each {@code .mpy} byte for byte, each REJECTED entry with mpy-cross's error (or, where
 * mpy-cross crashed, a compile error instead of a crash), each {@code bad} program with its
 * error and line, each {@code aborts} program with an error at its {@code # here} line. Cases
 * not matched yet are listed in {@code known-native-failures.txt} (see {@link KnownFailures}).
 */
class GoldenNativeTest {
    private static final KnownFailures KNOWN = KnownFailures.load("known-native-failures.txt");
    /**
     * {@code -Dfreezer.nativeArch=armv7m,armv6m} runs only those labels' cases (the others are
     * declared, not run, so the list is checked but cannot be rewritten in such a run).
     */
    private static final String ARCH_FILTER = "freezer.nativeArch";

    /** How freezer rejects native code for an architecture whose assembler is not written yet. */
    private static final String NOT_YET = "freezer cannot emit";

    private static boolean selected(Arch arch) {
        String only = System.getProperty(ARCH_FILTER, "");
        return only.isBlank() || List.of(only.split(",")).contains(arch.label());
    }

    @TestFactory
    Stream<DynamicNode> golden() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Arch arch : GoldenNative.archs()) {
            if (!selected(arch)) {
                declareOnly(arch);
                continue;
            }
            List<DynamicNode> cases = new ArrayList<>();
            for (Compiled c : GoldenNative.programs(arch)) {
                cases.add(KNOWN.test(c.expected().getFileName().toString(), c.id(), () -> compiles(c)));
            }
            for (Refused r : GoldenNative.refusedPrograms(arch)) {
                cases.add(KNOWN.test(r.source().getFileName() + " (rejected)", r.id(), () -> refuses(r)));
            }
            nodes.add(DynamicContainer.dynamicContainer("native/" + arch.label(), cases));
            for (boolean viper : new boolean[] {false, true}) {
                List<DynamicNode> modules = new ArrayList<>();
                for (Compiled c : GoldenNative.wholeModules(arch, viper)) {
                    modules.add(KNOWN.test(c.id(), c.id(), () -> compiles(c)));
                }
                for (Refused r : GoldenNative.refusedModules(arch, viper)) {
                    modules.add(KNOWN.test(r.id(), r.id(), () -> refuses(r)));
                }
                String folder = "native-emit/" + GoldenNative.emitFolder(arch, viper);
                System.out.printf("golden %s: %d cases%n", folder, modules.size());
                nodes.add(DynamicContainer.dynamicContainer(folder, modules));
            }
        }
        List<DynamicNode> bad = new ArrayList<>();
        for (Bad b : GoldenNative.bad()) {
            if (selected(b.arch())) {
                bad.add(KNOWN.test(b.source().getFileName().toString(), b.id(), () -> rejectedAsMpyCross(b)));
            } else {
                KNOWN.expect(List.of(b.id()));
            }
        }
        nodes.add(DynamicContainer.dynamicContainer("native/bad", bad));
        List<DynamicNode> aborts = new ArrayList<>();
        for (Abort a : GoldenNative.aborts()) {
            if (selected(a.arch())) {
                aborts.add(KNOWN.test(a.source().getFileName().toString(), a.id(), () -> rejectedNotCrashed(a)));
            } else {
                KNOWN.expect(List.of(a.id()));
            }
        }
        nodes.add(DynamicContainer.dynamicContainer("native/aborts", aborts));
        nodes.add(KNOWN.listCheck());
        return nodes.stream();
    }

    /** The case ids of an architecture left out by the filter: known to the list's check, not run. */
    private static void declareOnly(Arch arch) {
        List<String> ids = new ArrayList<>();
        GoldenNative.programs(arch).forEach(c -> ids.add(c.id()));
        GoldenNative.refusedPrograms(arch).forEach(r -> ids.add(r.id()));
        for (boolean viper : new boolean[] {false, true}) {
            GoldenNative.wholeModules(arch, viper).forEach(c -> ids.add(c.id()));
            GoldenNative.refusedModules(arch, viper).forEach(r -> ids.add(r.id()));
        }
        KNOWN.expect(ids);
    }

    private static void compiles(Compiled c) throws Exception {
        MpyCrossFlags flags = MpyCrossFlags.parse(c.args());
        byte[] expected = GoldenCompile.bytes(c.expected());
        CompiledModule module;
        try {
            module = MpyCompiler.compile(GoldenCompile.bytes(c.source()), flags.inputs().get(0), flags.options());
        } catch (CompileError e) {
            fail(what(c.id(), c.args()) + ": freezer rejects it, mpy-cross compiles it:\n  " + e);
            return;
        }
        byte[] actual = MpyWriter.write(module);
        if (!Arrays.equals(expected, actual)) {
            fail(what(c.id(), c.args()) + ": bytes differ from mpy-cross's\n" + MismatchReport.describe(expected, actual));
        }
        CompiledModule golden;
        try {
            golden = MpyReader.read(expected);
        } catch (MpyFormatException e) {
            // mpy-cross keeps a native function's prelude offset in 16 bits (mp_raw_code_t): past
            // 64 KiB of machine code the file points into the code, and no reader (mpy-tool.py
            // neither) can decode it; the bytes, equal above, are the contract
            if (expected.length <= 0xffff) {
                fail(c.id() + ": the golden file does not read: " + e.getMessage());
            }
            return;
        }
        if (!golden.equals(module)) {
            fail(what(c.id(), c.args()) + ": the same bytes, but the model MpyReader reads from them differs from the"
                    + " compiler's");
        }
    }

    private static void refuses(Refused r) throws Exception {
        MpyCrossFlags flags = MpyCrossFlags.parse(r.args());
        try {
            MpyCompiler.compileToMpy(GoldenCompile.bytes(r.source()), flags.inputs().get(0), flags.options());
        } catch (CompileError e) {
            String actual = e.type().name() + ": " + e.message();
            if (r.aborted() && e.message().startsWith(NOT_YET)) {
                fail(what(r.id(), r.args()) + ": mpy-cross crashes on it; freezer must reject the construct, not the"
                        + " architecture:\n  " + e);
            }
            if (!r.aborted() && !actual.equals(r.error())) {
                fail(what(r.id(), r.args()) + ": freezer's error differs from mpy-cross's\n  expected: " + r.error()
                        + "\n  actual:   " + actual + "\n  freezer:  " + e);
            }
            return;
        }
        fail(what(r.id(), r.args()) + ": freezer compiles it, mpy-cross "
                + (r.aborted() ? "crashes on it (freezer must reject it)" : "rejects it with\n  " + r.error()));
    }

    private static void rejectedAsMpyCross(Bad b) throws Exception {
        MpyCrossFlags flags = MpyCrossFlags.parse(withSource(b.arch(), b.sourceName()));
        ExpectedError expected = b.error();
        try {
            MpyCompiler.compileToMpy(GoldenCompile.bytes(b.source()), flags.inputs().get(0), flags.options());
        } catch (CompileError e) {
            String actual = GoldenCompileTest.render(e);
            if (!actual.equals(expected.render())) {
                fail(b.id() + ": freezer's error differs from mpy-cross's\n  expected: "
                        + expected.render().replace("\n", "\n            ") + "\n  actual:   "
                        + actual.replace("\n", "\n            ") + "\n  freezer:  " + e);
            }
            return;
        }
        fail(b.id() + ": freezer compiles it, mpy-cross rejects it with\n  " + expected.render());
    }

    private static void rejectedNotCrashed(Abort a) throws Exception {
        MpyCrossFlags flags = MpyCrossFlags.parse(withSource(a.arch(), a.sourceName()));
        try {
            MpyCompiler.compileToMpy(GoldenCompile.bytes(a.source()), flags.inputs().get(0), flags.options());
        } catch (CompileError e) {
            boolean typeOk = e.type() == ErrorType.NotImplementedError || e.type() == ErrorType.SyntaxError;
            if (!typeOk || !e.hasLine() || e.line() != a.line()) {
                fail(a.id() + ": expected a NotImplementedError or SyntaxError at line " + a.line()
                        + " (the construct mpy-cross fails '" + a.assertion() + "' on), got\n  " + e);
            }
            return;
        }
        fail(a.id() + ": freezer compiles it; mpy-cross crashes on it (" + a.assertion() + ")");
    }

    private static List<String> withSource(Arch arch, String sourceName) {
        List<String> args = new ArrayList<>(arch.flags());
        args.add(sourceName);
        return args;
    }

    private static String what(String id, List<String> args) {
        return id + " (mpy-cross " + String.join(" ", args) + ")";
    }
}
