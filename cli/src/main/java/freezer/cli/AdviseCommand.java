package freezer.cli;

import freezer.reports.advise.AdviceJson;
import freezer.reports.advise.AdviceTarget;
import freezer.reports.advise.AdviceText;
import freezer.reports.advise.Advisor;
import freezer.reports.advise.ModuleSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer advise FILE.py... [--target T] [--json] [--max-import-ram N]}: what importing
 * each module costs in RAM, and edits from MicroPython's optimisation guide that cost less
 * (docs/advise.md).
 */
@Command(name = "advise",
        description = {"Estimate the RAM importing MicroPython modules takes and suggest edits that save it:"
            + " const() for ints assigned once, bytes or tuples for constant lists, local aliases for globals"
            + " read in loops (MicroPython's optimisation guide; docs/advise.md). Exit 3 when --max-import-ram is"
            + " exceeded."})
public final class AdviseCommand implements Callable<Integer> {
    /** DESIGN.md's exit status for a budget or threshold exceeded. */
    static final int OVER_BUDGET = 3;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--target", paramLabel = "NAME", defaultValue = "qemu-armv7m",
            description = "the firmware the estimates are for: unix-x64 or qemu-armv7m (default: ${DEFAULT-VALUE})")
    private String targetName;

    @Option(names = "--json", description = "print JSON (schema in docs/advise.md) instead of text")
    private boolean json;

    @Option(names = "--max-import-ram", paramLabel = "BYTES",
            description = "exit 3 when importing the modules takes more than BYTES of RAM (as estimated)")
    private Long maxImportRam;

    @Option(names = "--root", paramLabel = "DIR",
            description = "the folder module names are taken relative to (default: the folder holding all FILEs)")
    private Path root;

    @Parameters(arity = "1..*", paramLabel = "FILE.py", description = "Python modules")
    private List<Path> files = new ArrayList<>();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    public AdviseCommand() {
        this(System.out, System.err);
    }

    public AdviseCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        AdviceTarget target = AdviceTarget.named(targetName).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown target '" + targetName + "' (known: " + AdviceTarget.names() + ")"));
        if (maxImportRam != null && maxImportRam < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-import-ram must not be negative");
        }
        List<ModuleSource> sources = new ArrayList<>();
        boolean failed = false;
        Path base = root != null ? root.toAbsolutePath().normalize() : commonFolder(files);
        DiagnosticPrinter printer = new DiagnosticPrinter.Text();
        for (Path f : files) {
            String shown = f.toString();
            Path abs = f.toAbsolutePath().normalize();
            if (!abs.startsWith(base)) {
                throw new CommandLine.ParameterException(spec.commandLine(), shown + " is not inside --root " + root);
            }
            try {
                byte[] bytes = Files.readAllBytes(f);
                sources.add(new ModuleSource(ModulePaths.of(base.relativize(abs)), shown, bytes,
                        ModulePaths.isPackage(abs)));
            } catch (IOException e) {
                printer.print(Diagnostic.io(shown, "cannot read: " + e.getMessage()), err);
                failed = true;
            }
        }
        Advisor.Result result = new Advisor(target).advise(sources);
        for (Advisor.Rejected r : result.rejected()) {
            printer.print(Diagnostic.of(r.error(), r.source().file(), r.source().bytes()), err);
            failed = true;
        }
        String text = json ? AdviceJson.render(result.advice()) : AdviceText.render(result.advice());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.flush();
        if (failed) {
            return Main.FAILED;
        }
        long used = result.advice().importBytes();
        if (maxImportRam != null && used > maxImportRam) {
            err.println("freezer advise: importing these modules takes about " + used
                    + " bytes of RAM, over --max-import-ram " + maxImportRam);
            err.flush();
            return OVER_BUDGET;
        }
        return Main.OK;
    }

    /** The deepest folder that holds every file. */
    private static Path commonFolder(List<Path> files) {
        Path common = null;
        for (Path f : files) {
            Path dir = f.toAbsolutePath().normalize().getParent();
            if (common == null) {
                common = dir;
            } else {
                while (!dir.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        return common;
    }

    /** Dotted module names from paths, as Python's import system spells them. */
    static final class ModulePaths {
        private ModulePaths() {
        }

        static String of(Path relative) {
            List<String> parts = new ArrayList<>();
            for (Path p : relative) {
                parts.add(p.toString());
            }
            String last = parts.remove(parts.size() - 1);
            String stem = last.endsWith(".py") ? last.substring(0, last.length() - 3) : last;
            if (!stem.equals("__init__") || parts.isEmpty()) {
                parts.add(stem);
            }
            return String.join(".", parts);
        }

        static boolean isPackage(Path file) {
            return file.getFileName().toString().equals("__init__.py");
        }
    }
}
