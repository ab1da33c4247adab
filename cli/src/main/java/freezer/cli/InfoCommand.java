package freezer.cli;

import freezer.core.NativeArch;
import freezer.core.mpy.LoadCheck;
import freezer.core.mpy.MpyInfo;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer info [--arch A] [--small-int-bits N] FILE.mpy...}: what each file holds and,
 * given facts about a target, whether that target loads it and why not.
 */
@Command(name = "info",
        description = {"Show what .mpy files hold; with --arch and/or --small-int-bits, whether such a target "
            + "loads them (py/persistentcode.c's header tests). Exit 1 when a file does not read or does not load."})
public final class InfoCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--arch", paramLabel = "A", converter = ArchConverter.class,
            description = "the target's native architecture (x86, x64, armv6, armv6m, armv7m, armv7em, armv7emsp,"
                    + " armv7emdp, xtensa, xtensawin, rv32imc, rv64imc), or none for a port without native code")
    private NativeArch arch;

    @Option(names = "--small-int-bits", paramLabel = "N", converter = SmallIntBitsConverter.class,
            description = "the target's MP_SMALL_INT_BITS: 31 on most 32-bit ports, 63 on 64-bit ones (also 14, 15,"
                    + " 30, 47, 62 for other object representations)")
    private int smallIntBits;

    @Parameters(arity = "1..*", paramLabel = "FILE.mpy", description = ".mpy files, '-' for standard input")
    private List<String> files = new ArrayList<>();

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public InfoCommand() {
        this(System.in, System.out, System.err);
    }

    public InfoCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs the command as {@code freezer info ARGS} would; returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return Commands.execute(new InfoCommand(in, out, err), args, out, err);
    }

    /** Architecture names as -march= takes them, plus "none". */
    static final class ArchConverter implements CommandLine.ITypeConverter<NativeArch> {
        @Override
        public NativeArch convert(String value) {
            if (value.equals("none")) {
                return NativeArch.NONE;
            }
            return NativeArch.byMarchName(value).filter(a -> a.code() > 0 && a != NativeArch.DEBUG)
                    .orElseThrow(() -> new CommandLine.TypeConversionException("unknown architecture '" + value
                            + "' (x86, x64, armv6, armv6m, armv7m, armv7em, armv7emsp, armv7emdp, xtensa, xtensawin,"
                            + " rv32imc, rv64imc, or none)"));
        }
    }

    /**
     * The widths a MicroPython target's small ints can have (py/smallint.h): 1 less than the word
     * for object representations A and C, 2 less for B, on 16-, 32- and 64-bit words, and 47 for D
     * (the NaN-boxing one).
     */
    static final class SmallIntBitsConverter implements CommandLine.ITypeConverter<Integer> {
        static final java.util.Set<Integer> WIDTHS = new java.util.TreeSet<>(java.util.List.of(14, 15, 30, 31, 47,
                62, 63));

        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a number");
            }
            if (!WIDTHS.contains(n)) {
                throw new CommandLine.TypeConversionException("no MicroPython target has " + n + "-bit small ints;"
                        + " py/smallint.h gives " + WIDTHS.toString().replaceAll("[\\[\\]]", ""));
            }
            return n;
        }
    }

    @Override
    public Integer call() {
        LoadCheck.Target target = new LoadCheck.Target(arch, smallIntBits);
        boolean checkTarget = arch != null || smallIntBits > 0;
        int status = ExitStatus.OK;
        StringBuilder text = new StringBuilder();
        for (String name : files) {
            List<MpyInputs.Input> one = MpyInputs.readAll(List.of(name), in, err);
            if (one == null) {
                status = ExitStatus.ERROR;
                continue;
            }
            MpyInputs.Input i = one.get(0);
            text.append(name).append(":\n");
            for (String line : MpyInfo.of(i.module(), i.bytes().length).lines()) {
                text.append("  ").append(line).append('\n');
            }
            if (checkTarget) {
                LoadCheck.Verdict v = LoadCheck.check(i.module().header(), target);
                String head = "  on a target with " + target.describe() + ": ";
                switch (v.outcome()) {
                    case LOADS:
                        text.append(head).append("loads\n");
                        break;
                    case DEPENDS:
                        text.append(head).append("may load\n");
                        break;
                    default:
                        text.append(head).append("does not load\n");
                        status = ExitStatus.ERROR;
                        break;
                }
                for (String p : v.problems()) {
                    text.append("    ").append(p).append('\n');
                }
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.flush();
        return status;
    }
}
