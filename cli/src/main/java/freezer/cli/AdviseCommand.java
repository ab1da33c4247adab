package freezer.cli;

import freezer.image.frozenc.SourceText;
import freezer.image.layout.Target;
import freezer.image.manifest.FreezeKind;
import freezer.image.manifest.Manifest;
import freezer.image.manifest.ManifestEntry;
import freezer.image.manifest.ManifestError;
import freezer.image.manifest.ManifestEvaluator;
import freezer.image.manifest.ManifestInput;
import freezer.image.manifest.PathVariables;
import freezer.image.qstr.FirmwareQstrs;
import freezer.image.qstr.QstrHeaderException;
import freezer.reports.advise.AdviceJson;
import freezer.reports.advise.AdviceText;
import freezer.reports.advise.Advisor;
import freezer.reports.advise.Firmware;
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
 * {@code freezer advise FILE.py...|--manifest MANIFEST [--target T] [--json] [--max-import-ram N]}:
 * what importing each module costs in RAM, and edits from MicroPython's optimisation guide that
 * cost less (docs/advise.md).
 */
@Command(name = "advise",
        description = {"Estimate the RAM importing MicroPython modules takes and suggest edits that save it:"
            + " const() for ints assigned once, bytes or tuples for constant lists, local aliases for globals"
            + " read in loops (MicroPython's optimisation guide; docs/advise.md). Exit 3 when --max-import-ram is"
            + " exceeded."})
public final class AdviseCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--manifest", paramLabel = "MANIFEST",
            description = "advise on the modules a manifest freezes (manifest.py, manifest code or a .json manifest;"
                    + " repeatable) instead of FILEs")
    private List<String> manifests = new ArrayList<>();

    @Option(names = {"-v", "--var"}, paramLabel = "NAME=VALUE",
            description = "a $(NAME) path variable for --manifest, as freezer freeze takes it (repeatable)")
    private List<String> vars = new ArrayList<>();

    @Option(names = "--target", paramLabel = "NAME", defaultValue = "qemu-armv7m",
            description = "the firmware's target preset: unix-x64 or qemu-armv7m (default: ${DEFAULT-VALUE})")
    private String targetName;

    @Option(names = {"-q", "--qstr-header"}, paramLabel = "HEADER",
            description = "the firmware's qstrdefs.preprocessed.h: the qstrs it already has and how it stores them")
    private Path qstrHeader;

    @Option(names = "--json", description = "print JSON (schema in docs/advise.md) instead of text")
    private boolean json;

    @Option(names = "--max-import-ram", paramLabel = "BYTES",
            description = "exit 3 when importing the modules takes more than BYTES of RAM (as estimated)")
    private Long maxImportRam;

    @Option(names = "--root", paramLabel = "DIR",
            description = "the folder module names are taken relative to (default: the folder holding all FILEs)")
    private Path root;

    @Parameters(arity = "0..*", paramLabel = "FILE.py", description = "Python modules")
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
        Target target = Target.preset(targetName).orElseThrow(() -> usage("unknown target '" + targetName
                + "' (known: " + String.join(", ", Target.presets().keySet()) + ")"));
        if (maxImportRam != null && maxImportRam < 0) {
            throw usage("--max-import-ram must not be negative");
        }
        if (files.isEmpty() == manifests.isEmpty()) {
            throw usage("give either FILE.py arguments or --manifest, not " + (files.isEmpty() ? "neither" : "both"));
        }
        if (!vars.isEmpty() && manifests.isEmpty()) {
            throw usage("-v is for --manifest");
        }
        for (String v : vars) {
            if (v.indexOf('=') < 1) {
                throw usage("-v '" + v + "' is not NAME=VALUE");
            }
        }
        FirmwareQstrs qstrs = null;
        if (qstrHeader != null) {
            try {
                qstrs = FirmwareQstrs.parse(Files.readAllBytes(qstrHeader), qstrHeader.toString());
            } catch (IOException e) {
                return fail(Diagnostic.io(qstrHeader.toString(), "cannot read: " + e.getMessage()));
            } catch (QstrHeaderException e) {
                err.println("freezer advise: " + e.getMessage());
                return ExitStatus.ERROR;
            }
        }
        List<ModuleSource> sources = new ArrayList<>();
        boolean failed = manifests.isEmpty() ? !readFiles(sources) : !readManifests(sources);
        if (sources.isEmpty() && failed) {
            return ExitStatus.ERROR;
        }
        Advisor.Result result = new Advisor(new Firmware(target, qstrs)).advise(sources);
        DiagnosticPrinter printer = new DiagnosticPrinter.Text();
        for (Advisor.Rejected r : result.rejected()) {
            printer.print(Diagnostic.of(r.error(), r.source().file(), r.source().bytes()), err);
            failed = true;
        }
        String text = json ? AdviceJson.render(result.advice()) : AdviceText.render(result.advice());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.flush();
        if (failed) {
            return ExitStatus.ERROR;
        }
        long used = result.advice().importBytes();
        if (maxImportRam != null && used > maxImportRam) {
            err.println("freezer advise: importing these modules takes about " + used
                    + " bytes of RAM, over --max-import-ram " + maxImportRam);
            err.flush();
            return ExitStatus.OVER_BUDGET;
        }
        return ExitStatus.OK;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private int fail(Diagnostic d) {
        new DiagnosticPrinter.Text().print(d, err);
        return ExitStatus.ERROR;
    }

    /** The FILE arguments, named relative to --root or the folder they share; false when one could not be read. */
    private boolean readFiles(List<ModuleSource> sources) {
        Path base = root != null ? root.toAbsolutePath().normalize() : commonFolder(files);
        boolean ok = true;
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            if (!abs.startsWith(base)) {
                throw usage(f + " is not inside --root " + root);
            }
            try {
                sources.add(new ModuleSource(ModulePaths.of(base.relativize(abs)), f.toString(), Files.readAllBytes(f),
                        ModulePaths.isPackage(abs)));
            } catch (IOException e) {
                new DiagnosticPrinter.Text().print(Diagnostic.io(f.toString(), "cannot read: " + e.getMessage()), err);
                ok = false;
            }
        }
        return ok;
    }

    /**
     * The .py modules the manifests compile, named as they are frozen, at their own optimisation
     * level; false when a manifest or a module could not be read.
     */
    private boolean readManifests(List<ModuleSource> sources) {
        Path cwd = Path.of("").toAbsolutePath();
        List<ManifestInput> inputs = manifests.stream().map(ManifestInput::of).toList();
        Manifest manifest;
        try {
            manifest = new ManifestEvaluator(PathVariables.fromAssignments(vars, cwd), cwd).evaluate(inputs);
        } catch (ManifestError e) {
            ManifestErrorReport.print(err, e, inputs);
            return false;
        }
        boolean ok = true;
        for (ManifestEntry e : manifest.entries()) {
            if (e.kind() != FreezeKind.COMPILE) {
                continue;
            }
            Path shown = e.source().startsWith(cwd) ? cwd.relativize(e.source()) : e.source();
            try {
                // the text as it is frozen: LF line breaks, the manifest's __version__ appended
                byte[] text = SourceText.tagged(Files.readAllBytes(e.source()), e.version());
                sources.add(new ModuleSource(ModulePaths.ofFrozen(e.target()), shown.toString(), text,
                        e.target().endsWith("/__init__.py"), e.opt()));
            } catch (IOException | IllegalArgumentException x) {
                new DiagnosticPrinter.Text().print(Diagnostic.io(shown.toString(), "cannot read: " + x.getMessage()),
                        err);
                ok = false;
            }
        }
        return ok;
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
            return dotted(parts);
        }

        /** The module a frozen path ({@code pkg/mod.py}) is imported as. */
        static String ofFrozen(String target) {
            return dotted(new ArrayList<>(List.of(target.split("/"))));
        }

        private static String dotted(List<String> parts) {
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
