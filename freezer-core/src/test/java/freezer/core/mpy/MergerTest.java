package freezer.core.mpy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freezer.core.bytecode.Opcode;
import freezer.core.bytecode.OperandFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Merging gives mpy-tool.py --merge's bytes (golden/merge) and keeps every part's code intact. */
class MergerTest {

    @TestFactory
    List<DynamicTest> goldenMerges() {
        return Golden.files("merge", "inputs.txt").stream()
                .map(p -> DynamicTest.dynamicTest(Golden.name(p.getParent()), () -> goldenMerge(p))).toList();
    }

    private static void goldenMerge(Path inputs) throws IOException, MpyFormatException, MergeException {
        List<CompiledModule> modules = new ArrayList<>();
        for (String line : Files.readAllLines(inputs)) {
            if (!line.isBlank()) {
                modules.add(MpyReader.read(Golden.read(Golden.root().resolve("compile/ok").resolve(line.strip()))));
            }
        }
        byte[] expected = Golden.read(inputs.resolveSibling("merged.mpy"));
        for (Merger.Jumps jumps : Merger.Jumps.values()) {
            byte[] actual = Merger.merge(modules, jumps);
            if (!Arrays.equals(expected, actual)) {
                throw new AssertionError(jumps + "\n" + MismatchReport.describe(expected, actual));
            }
        }
    }

    /**
     * Every golden module merged after another: the merged file reads, and the part's functions
     * keep their opcodes, names (shifted) and jump targets (as instruction indices).
     */
    @TestFactory
    List<DynamicTest> mergedPartsKeepTheirCode() throws MpyFormatException {
        CompiledModule first = MpyReader.read(Golden.read(Golden.root().resolve("compile/ok/functions/positional_defaults.mpy")));
        List<Path> all = Golden.files("compile/ok", ".mpy");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 7) {
            Path p = all.get(i);
            tests.add(DynamicTest.dynamicTest(Golden.name(p), () -> keepsCode(first, MpyReader.read(Golden.read(p)))));
        }
        return tests;
    }

    private static void keepsCode(CompiledModule first, CompiledModule part) throws MpyFormatException, MergeException {
        CompiledModule merged = MpyReader.read(Merger.merge(List.of(first, part), Merger.Jumps.CORRECT));
        assertThat(merged.qstrs()).hasSize(first.qstrs().size() + part.qstrs().size());
        RawCode rewritten = merged.root().children().get(1);
        List<RawCodeTrees.Node> a = RawCodeTrees.preorder(part.root());
        List<RawCodeTrees.Node> b = RawCodeTrees.preorder(rewritten);
        assertThat(b).hasSize(a.size());
        int qBase = first.qstrs().size();
        int oBase = first.constants().size();
        for (int n = 0; n < a.size(); n++) {
            BytecodeFunction x = (BytecodeFunction) a.get(n).code();
            BytecodeFunction y = (BytecodeFunction) b.get(n).code();
            assertThat(y.simpleName()).isEqualTo(x.simpleName() + qBase);
            assertThat(y.lineInfo()).isEmpty();
            assertThat(y.instructions()).hasSameSizeAs(x.instructions());
            for (int k = 0; k < x.instructions().size(); k++) {
                Instruction i = x.instructions().get(k);
                Instruction j = y.instructions().get(k);
                assertThat(j.opcode()).isEqualTo(i.opcode());
                long shift = i.opcode().format() == OperandFormat.QSTR ? qBase : i.opcode() == Opcode.LOAD_CONST_OBJ ? oBase : 0;
                if (i.opcode().format() == OperandFormat.OFFSET) {
                    assertThat(index(y, j.target())).as("jump %d target", k).isEqualTo(index(x, i.target()));
                } else {
                    assertThat(j.arg()).isEqualTo(i.arg() + shift);
                }
            }
        }
    }

    private static int index(BytecodeFunction f, int offset) {
        for (int k = 0; k < f.instructions().size(); k++) {
            if (f.instructions().get(k).offset() == offset) {
                return k;
            }
        }
        return -1;
    }

    /** mpy-tool.py reads UNWIND_JUMP's target one byte late; AS_MPY_TOOL reproduces that, CORRECT does not. */
    @Test
    void unwindJumpsKeepTheirTargetOnlyWhenCorrect() throws MpyFormatException, MergeException {
        CompiledModule first = MpyReader.read(Golden.read(Golden.root().resolve("compile/ok/functions/positional_defaults.mpy")));
        CompiledModule withUnwind = null;
        for (Path p : Golden.files("compile/ok", ".mpy")) {
            CompiledModule m = MpyReader.read(Golden.read(p));
            if (unwindJumps(m.root()) > 0) {
                withUnwind = m;
                break;
            }
        }
        assertThat(withUnwind).as("a golden module with UNWIND_JUMP").isNotNull();
        byte[] correct = Merger.merge(List.of(first, withUnwind), Merger.Jumps.CORRECT);
        CompiledModule quirky;
        try {
            quirky = MpyReader.read(Merger.merge(List.of(first, withUnwind), Merger.Jumps.AS_MPY_TOOL));
        } catch (MergeException e) {
            // mpy-tool.py's target lands inside an instruction: it fails there too
            assertThat(e.getMessage()).contains("KeyError");
            return;
        }
        CompiledModule right = MpyReader.read(correct);
        assertThat(quirky).isNotEqualTo(right);
    }

    private static int unwindJumps(RawCode root) {
        int n = 0;
        for (RawCodeTrees.Node node : RawCodeTrees.preorder(root)) {
            if (node.code() instanceof BytecodeFunction f) {
                n += (int) f.instructions().stream().filter(i -> i.opcode() == Opcode.UNWIND_JUMP).count();
            }
        }
        return n;
    }

    @Test
    void twoNativeFilesDoNotMerge() throws MpyFormatException {
        CompiledModule a = MpyReader.read(Golden.read(Golden.root().resolve("native/x64/native_funcs.mpy")));
        CompiledModule b = MpyReader.read(Golden.read(Golden.root().resolve("native/x64/viper_sum.mpy")));
        CompiledModule c = MpyReader.read(Golden.read(Golden.root().resolve("native/armv7m/viper_sum.mpy")));
        assertThatThrownBy(() -> Merger.merge(List.of(a, b), Merger.Jumps.CORRECT))
                .isInstanceOf(MergeException.class).hasMessageContaining("more than one contains native code")
                .extracting(e -> ((MergeException) e).part()).isEqualTo(1);
        assertThatThrownBy(() -> Merger.merge(List.of(a, c), Merger.Jumps.CORRECT))
                .isInstanceOf(MergeException.class).hasMessageContaining("native architecture mismatch");
    }

    @Test
    void aNativePartMovesToTheFrontAndKeepsItsArch() throws MpyFormatException, MergeException {
        CompiledModule plain = MpyReader.read(Golden.read(Golden.root().resolve("compile/ok/functions/positional_defaults.mpy")));
        CompiledModule nat = MpyReader.read(Golden.read(Golden.root().resolve("native/x64/native_funcs.mpy")));
        CompiledModule merged = MpyReader.read(Merger.merge(List.of(plain, nat), Merger.Jumps.CORRECT));
        assertThat(merged.header().arch()).isEqualTo(nat.header().arch());
        assertThat(merged.qstrs().get(0)).isEqualTo(nat.qstrs().get(0));
        assertThat(merged.root().children().get(0)).isEqualTo(nat.root());
    }
}
