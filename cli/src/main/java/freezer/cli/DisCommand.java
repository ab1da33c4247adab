package freezer.cli;

import freezer.core.mpy.DisassemblyJson;
import freezer.core.mpy.Disassembler;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code freezer dis [--json] FILE.mpy...}: the text of {@code mpy-tool.py -d}, or the same as JSON. */
@Command(name = "dis",
        description = {"Disassemble .mpy files: the text mpy-tool.py -d prints (docs/dis.md). "
            + "Nothing is printed unless every file reads."})
public final class DisCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--json", description = "print JSON (schema in docs/dis.md) instead of text")
    private boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE.mpy", description = ".mpy files, '-' for standard input")
    private List<String> files = new ArrayList<>();

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public DisCommand() {
        this(System.in, System.out, System.err);
    }

    public DisCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs the command as {@code freezer dis ARGS} would; returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return Commands.execute(new DisCommand(in, out, err), args, out, err);
    }

    @Override
    public Integer call() {
        List<MpyInputs.Input> inputs = MpyInputs.readAll(files, in, err);
        if (inputs == null) {
            return ExitStatus.ERROR;
        }
        String text;
        if (json) {
            List<DisassemblyJson.Input> modules = new ArrayList<>();
            for (MpyInputs.Input i : inputs) {
                modules.add(new DisassemblyJson.Input(i.name(), i.module()));
            }
            text = DisassemblyJson.write(modules);
        } else {
            StringBuilder b = new StringBuilder();
            for (MpyInputs.Input i : inputs) {
                b.append(Disassembler.disassemble(i.name(), i.module()));
            }
            text = b.toString();
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.flush();
        return ExitStatus.OK;
    }
}
