package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.CompileOptions;
import freezer.core.MpyCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MergeCommandTest {
    private static final Path OUT = Path.of("target", "test-out", "merge");

    @Test
    void everyGoldenMergeGivesMpyToolsBytes() throws IOException {
        Files.createDirectories(OUT);
        List<Path> cases;
        try (Stream<Path> s = Files.list(CommandRun.golden("merge"))) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        System.out.println("merge command: " + cases.size() + " golden merges");
        assertThat(cases).isNotEmpty();
        for (Path c : cases) {
            List<String> args = new ArrayList<>(List.of("-o", OUT.resolve(c.getFileName() + ".mpy").toString()));
            for (String line : Files.readAllLines(c.resolve("inputs.txt"))) {
                if (!line.isBlank()) {
                    args.add(CommandRun.golden("compile/ok").resolve(line.strip()).toString());
                }
            }
            CommandRun r = CommandRun.of(MergeCommand::run, args.toArray(String[]::new));
            assertThat(r.status()).as(r.stderr()).isZero();
            assertThat(Files.readAllBytes(OUT.resolve(c.getFileName() + ".mpy"))).as(c.toString())
                    .isEqualTo(Files.readAllBytes(c.resolve("merged.mpy")));
        }
    }

    /** mpy-tool.py shifts UNWIND_JUMP offsets in files after the first: reproduced, and told. */
    @Test
    void unwindJumpsAreMpyToolsByDefaultAndCorrectOnRequest() throws IOException {
        Files.createDirectories(OUT);
        Path first = OUT.resolve("first.mpy");
        Path second = OUT.resolve("second.mpy");
        Files.write(first, MpyCompiler.compileToMpy("x = 1\n".getBytes(StandardCharsets.UTF_8), "first.py",
                CompileOptions.DEFAULT));
        String loop = "def f():\n    for i in range(3):\n        try:\n            break\n        finally:\n"
                + "            pass\n    return 7\nprint(f())\n";
        Files.write(second, MpyCompiler.compileToMpy(loop.getBytes(StandardCharsets.UTF_8), "second.py",
                CompileOptions.DEFAULT));
        Path asTool = OUT.resolve("as-tool.mpy");
        Path correct = OUT.resolve("correct.mpy");

        CommandRun byDefault = CommandRun.of(MergeCommand::run, "-o", asTool.toString(), first.toString(),
                second.toString());
        CommandRun fixed = CommandRun.of(MergeCommand::run, "--correct-unwind-jumps", "-o", correct.toString(),
                first.toString(), second.toString());

        assertThat(byDefault.status()).as(byDefault.stderr()).isZero();
        assertThat(byDefault.stderr()).contains("warning").contains("--correct-unwind-jumps");
        assertThat(fixed.status()).as(fixed.stderr()).isZero();
        assertThat(fixed.stderr()).isEmpty();
        assertThat(Files.readAllBytes(asTool)).isNotEqualTo(Files.readAllBytes(correct));
    }

    @Test
    void nothingIsWrittenWhenFilesDoNotMerge() throws IOException {
        Files.createDirectories(OUT);
        Path target = OUT.resolve("two-native.mpy");
        Files.deleteIfExists(target);
        String a = CommandRun.golden("native/x64/native_funcs.mpy").toString();
        String b = CommandRun.golden("native/x64/viper_sum.mpy").toString();
        CommandRun r = CommandRun.of(MergeCommand::run, "-o", target.toString(), a, b);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith(b + ": cannot merge: can't merge files when more than one contains native code");
        assertThat(target).doesNotExist();
        try (Stream<Path> s = Files.list(OUT)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void nothingIsWrittenWhenAnInputIsBad() throws IOException {
        Files.createDirectories(OUT);
        Path target = OUT.resolve("bad-input.mpy");
        Files.deleteIfExists(target);
        Path bad = OUT.resolve("truncated.mpy");
        Files.write(bad, new byte[] {'M', 6, 0});
        CommandRun r = CommandRun.of(MergeCommand::run, "-o", target.toString(),
                CommandRun.golden("compile/ok/functions/positional_defaults.mpy").toString(), bad.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains(bad + ": offset 3: truncated");
        assertThat(target).doesNotExist();
    }

    @Test
    void outputIsRequired() {
        assertThat(CommandRun.of(MergeCommand::run, "a.mpy").status()).isEqualTo(2);
    }
}
