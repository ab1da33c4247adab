package freezer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import freezer.core.MpyCrossFlags;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Help for every registered command, whoever registered it: {@code help CMD}, {@code CMD -h} and
 * {@code CMD --help} print its usage and exit 0; and the values of freezer's own options are
 * checked (exit 2).
 */
class CommandLineHelpTest {
    private static final FakeCompiler FAKE = new FakeCompiler();

    /** Every subcommand of the real command line, as Main builds it. */
    static List<String> commands() {
        StdStreams io = new StdStreams(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        CommandLine cl = Main.commandLine(io, FAKE);
        return new ArrayList<>(cl.getSubcommands().keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyCommandHasHelpThreeWays() {
        List<String> names = commands();
        assertThat(names).contains("compile", "dis", "merge", "info", "help");
        return names.stream().flatMap(name -> Stream.of(
                List.of("help", name), List.of(name, "-h"), List.of(name, "--help"))
                .map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
                    CliRun r = CliRun.run(FAKE, args.toArray(String[]::new));
                    assertThat(r.status()).as(r.stderr()).isZero();
                    assertThat(r.stderr()).isEmpty();
                    assertThat(r.stdoutText()).contains("Usage: freezer " + name);
                })));
    }

    @Test
    void helpAloneAndTheTopLevel() {
        CliRun help = CliRun.run(FAKE, "help");
        assertThat(help.status()).isZero();
        assertThat(help.stdoutText()).contains("compile", "dis", "merge", "info");
        CliRun h = CliRun.run(FAKE, "-h");
        assertThat(h.status()).isZero();
        assertThat(h.stdoutText()).isEqualTo(CliRun.run(FAKE, "--help").stdoutText());
    }

    /** The launcher runs {@code freezer daemon}; a JVM reached some other way says so. */
    @Test
    void daemonIsTheLaunchersCommand() {
        CliRun r = CliRun.run(FAKE, "daemon", "status");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderr()).contains("is run by the freezer launcher");
        assertThat(CliRun.run(FAKE, "daemon", "restart").status()).isEqualTo(2);
    }

    @Test
    void compileHelpWinsOverEverythingBeforeDoubleDash() {
        CliRun r = CliRun.run(FAKE, "compile", "-Z", "-h", "x.py");
        assertThat(r.status()).isZero();
        assertThat(r.stdoutText()).contains("-msmall-int-bits=N", "--root DIR", "-O[N]", "-o FILE");
        // after --, -h is a file name, as mpy-cross reads it
        CliRun file = CliRun.run(FAKE, "compile", "--", "-h");
        assertThat(file.status()).isEqualTo(1);
        assertThat(file.stderr()).startsWith("-h: OSError: can't open -h");
    }

    @Test
    void everyOptionCompileDocumentsIsOneItReads() throws MpyCrossFlags.UsageException {
        for (CompileHelp.Entry e : CompileHelp.OPTIONS) {
            String name = e.name().split(", ")[0];
            if (CompileCommand.HELP.contains(name)) {
                continue;
            }
            String value = e.value().isEmpty() ? "" : e.value().strip().replace("[N]", "2").replace("FILE", "x.mpy")
                    .replace("NAME", "x.py").replace("ARCH", "x64").replace("FLAGS", "1").replace("DIR", "d")
                    .replace("=FMT", "=json").replace("N", "2").replace("emit=EMIT|heapsize=2", "emit=bytecode");
            List<String> args = new ArrayList<>();
            if (e.value().startsWith(" ")) {
                args.add(name);
                args.add(value);
            } else {
                args.add(name + value);
            }
            args.add("a.py");
            MpyCrossFlags.parse(args, CompileCommand.VALUE_OPTIONS, java.util.Set.of());
        }
    }

    @Test
    void freezersOwnOptionValuesAreChecked() {
        CliRun bits = CliRun.run(FAKE, "info", "--small-int-bits", "99", "x.mpy");
        assertThat(bits.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(bits.stderr()).contains("no MicroPython target has 99-bit small ints");
        CliRun arch = CliRun.run(FAKE, "info", "--arch", "z80", "x.mpy");
        assertThat(arch.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(arch.stderr()).contains("unknown architecture 'z80'");
        for (String ok : new String[] {"14", "15", "30", "31", "47", "62", "63"}) {
            CliRun r = CliRun.run(FAKE, "info", "--small-int-bits", ok, "no-such.mpy");
            assertThat(r.status()).as(ok).isEqualTo(ExitStatus.ERROR);
        }
        // mpy-cross's own option keeps mpy-cross's acceptance (the golden variants use 63)
        assertThat(CliRun.run(FAKE, "compile", "-msmall-int-bits=99", "--", "no-such.py").status())
                .isEqualTo(ExitStatus.ERROR);
    }
}
