package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DisCommandTest {

    private static String afterFirstLine(String s) {
        return s.substring(s.indexOf('\n') + 1);
    }

    @Test
    void printsWhatMpyToolPrintsForEveryGoldenDis() throws IOException {
        List<Path> dis;
        try (Stream<Path> s = Stream.concat(Files.walk(CommandRun.golden("compile/ok")), Files.walk(CommandRun.golden("native")))) {
            dis = s.filter(p -> p.toString().endsWith(".dis")).sorted().toList();
        }
        System.out.println("dis command: " + dis.size() + " golden .dis files");
        assertThat(dis).hasSizeGreaterThan(200);
        for (Path p : dis) {
            Path mpy = p.resolveSibling(p.getFileName().toString().replaceAll("\\.dis$", ".mpy"));
            CommandRun r = CommandRun.of(DisCommand::run, mpy.toString());
            assertThat(r.status()).as(p.toString()).isZero();
            assertThat(r.out()).startsWith("mpy_source_file: " + mpy + "\n");
            assertThat(afterFirstLine(r.out())).as(p.toString())
                    .isEqualTo(afterFirstLine(Files.readString(p, StandardCharsets.UTF_8)));
        }
    }

    @Test
    void severalFilesPrintOneAfterTheOther() {
        String a = CommandRun.golden("native/x64/native_funcs.mpy").toString();
        String b = CommandRun.golden("native/x64/viper_sum.mpy").toString();
        CommandRun both = CommandRun.of(DisCommand::run, a, b);
        assertThat(both.status()).isZero();
        assertThat(both.out()).isEqualTo(CommandRun.of(DisCommand::run, a).out() + CommandRun.of(DisCommand::run, b).out());
    }

    @Test
    void jsonIsOneDocumentForAllFiles() throws IOException {
        String a = CommandRun.golden("compile/ok/functions/positional_defaults.mpy").toString();
        CommandRun r = CommandRun.of(DisCommand::run, "--json", a, a);
        assertThat(r.status()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.stdout());
        assertThat(doc.get("files")).hasSize(2);
        assertThat(doc.get("files").get(0).get("mpySourceFile").asText()).isEqualTo(a);
        assertThat(doc.get("files").get(0).get("functions").get(0).get("simpleName").asText()).isEqualTo("<module>");
    }

    @Test
    void aBadFileIsReportedWithItsOffsetAndNothingIsPrinted() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "test-out", "dis"));
        Path bad = dir.resolve("bad.mpy");
        Files.write(bad, new byte[] {'M', 5, 0, 31});
        String good = CommandRun.golden("compile/ok/functions/positional_defaults.mpy").toString();
        CommandRun r = CommandRun.of(DisCommand::run, good, bad.toString(), "no-such-file.mpy");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains(bad + ": offset 1: .mpy version 5 (written by MicroPython v1.12 to v1.18)")
                .contains("no-such-file.mpy: cannot read: no such file").doesNotContain("Exception");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(CommandRun.of(DisCommand::run).status()).isEqualTo(2);
        assertThat(CommandRun.of(DisCommand::run, "--bogus", "x.mpy").status()).isEqualTo(2);
    }
}
