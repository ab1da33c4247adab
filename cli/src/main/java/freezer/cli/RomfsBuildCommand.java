package freezer.cli;

import freezer.core.CompileOptions;
import freezer.core.MpyCrossFlags;
import freezer.core.batch.BatchCompiler;
import freezer.image.flash.FlashImageWriter;
import freezer.image.romfs.RomfsBudget;
import freezer.image.romfs.RomfsBuild;
import freezer.image.romfs.RomfsBuilder;
import freezer.image.manifest.Manifest;
import freezer.image.manifest.ManifestError;
import freezer.image.manifest.ManifestEvaluator;
import freezer.image.manifest.ManifestInput;
import freezer.image.manifest.PathVariables;
import freezer.image.map.MapJson;
import freezer.image.map.MapTable;
import freezer.image.map.MemoryMap;
import freezer.image.romfs.RomfsContents;
import freezer.image.romfs.RomfsEntry;
import freezer.image.romfs.RomfsFormatException;
import freezer.image.romfs.RomfsMap;
import freezer.image.romfs.ManifestTree;
import freezer.image.romfs.RomfsProblem;
import freezer.image.romfs.RomfsReader;
import freezer.image.romfs.RomfsWriter;
import freezer.image.romfs.SourceListing;
import freezer.image.romfs.SourceTree;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer romfs build DIR -o IMAGE}: the image {@code mpremote romfs build} makes of DIR,
 * byte for byte, with the modules compiled by freezer on all cores and nothing written into
 * DIR; optionally checked against a partition size and written as Intel HEX or UF2.
 */
@Command(name = "build", sortOptions = false,
        description = {"Build the ROMFS image of DIR that mpremote romfs build makes, byte for byte: .py files compiled"
            + " to .mpy (unless X.mpy is beside X.py), everything else copied, in upstream's order. Modules embed"
            + " their path as DIR/...; give DIR relative (an absolute one ends up in the image).",
            "Nothing is written into DIR; IMAGE is written only when every file reads and compiles."})
final class RomfsBuildCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "the directory to build from")
    private String dir;

    @Option(names = "--manifest", paramLabel = "MANIFEST",
            description = "build from what manifests freeze instead of a directory (manifest.py, manifest code or"
                + " JSON, as for freezer freeze): each module at its frozen name (docs/romfs.md); repeatable")
    private List<String> manifests = new ArrayList<>();

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "a manifest path variable ($(MPY_LIB_DIR) and the like), as makemanifest.py's -v; repeatable")
    private List<String> vars = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "IMAGE",
            description = "the image to write ('-' for standard output)")
    private String output;

    @Option(names = "--no-mpy", description = "copy .py files as they are (mpremote romfs --no-mpy build)")
    private boolean noMpy;

    @Option(names = "-O", paramLabel = "N", description = "optimisation level, as mpy-cross -O<N>")
    private String optimisation;

    @Option(names = "-march", paramLabel = "ARCH", description = "native architecture, as mpy-cross -march=ARCH")
    private String march;

    @Option(names = "-march-flags", paramLabel = "FLAGS", description = "as mpy-cross -march-flags=FLAGS")
    private String marchFlags;

    @Option(names = "-msmall-int-bits", paramLabel = "N", description = "as mpy-cross -msmall-int-bits=N")
    private String smallIntBits;

    @Option(names = "-X", paramLabel = "emit=E", description = "as mpy-cross -X emit=bytecode|native|viper")
    private List<String> xOptions = new ArrayList<>();

    @Option(names = "--max-size", paramLabel = "BYTES", converter = NumberOptions.Size.class,
            description = "the partition's size: a larger image is not written and the exit status is 3")
    private Long maxSize;

    @CommandLine.Mixin
    private FlashOutputOptions flash = new FlashOutputOptions();

    @Option(names = "--map", paramLabel = "FILE.json|-",
            description = "write the memory map (docs/map.md) as JSON to FILE.json, or as a table to standard output"
                + " with '-'; written even when the image is over --max-size")
    private String map;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "compile on N threads (default: all cores)")
    private Integer jobs;

    @Option(names = {"-v", "--verbose"}, description = "print the tree as mpremote does while building")
    private boolean verbose;

    @Option(names = "--error-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: one JSON object per error (docs/cli.md)")
    private String errorFormat;

    @CommandLine.ParentCommand
    private RomfsCommand parent;

    /** The manifests being evaluated, for the excerpt under a manifest error. */
    private List<ManifestInput> manifestInputs = List.of();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        StdStreams io = parent.io;
        DiagnosticPrinter printer = DiagnosticPrinter.named(errorFormat);
        if (printer == null) {
            throw new CommandLine.ParameterException(cl, "--error-format takes text or json, not '" + errorFormat + "'");
        }
        if (jobs != null && jobs < 1) {
            throw new CommandLine.ParameterException(cl, "--jobs takes a positive number, not " + jobs);
        }
        CompileOptions options = compileOptions(cl);
        FlashImageWriter.Target target = flash.target(cl, output);
        Path outPath = null;
        if (!output.equals("-")) {
            try {
                outPath = Paths.get(output);
            } catch (InvalidPathException e) {
                throw new CommandLine.ParameterException(cl, "-o: not a path: " + output);
            }
        }
        if (outPath == null && "-".equals(map)) {
            throw new CommandLine.ParameterException(cl, "-o - and --map - both want standard output");
        }
        PrintStream notes = outPath == null ? io.err() : io.out();

        SourceTree tree;
        try {
            tree = source(cl, options);
        } catch (ManifestError e) {
            ManifestErrorReport.print(io.err(), e, manifestInputs);
            io.err().println("freezer romfs: no image written");
            io.err().flush();
            return Main.FAILED;
        }
        if (verbose) {
            notes.print(SourceListing.of(tree));
            notes.flush();
        }
        if (!tree.problems().isEmpty()) {
            return failed(io, printer, tree.problems());
        }
        BatchCompiler batch = jobs != null ? new BatchCompiler(jobs) : BatchCompiler.allCores();
        RomfsBuild build = RomfsBuilder.build(tree.root(), options, batch);
        if (!build.ok()) {
            return failed(io, printer, build.problems());
        }
        byte[] image;
        RomfsContents contents;
        try {
            image = RomfsWriter.write(build.root());
            contents = RomfsReader.read(image);
        } catch (IllegalArgumentException | RomfsFormatException e) {
            io.err().println("freezer romfs: " + e.getMessage() + "; no image written");
            return Main.FAILED;
        }
        if (map != null && !writeMap(io, RomfsMap.build(image, contents, tree.sources(), "freezer " + Version.freezer()))) {
            return Main.FAILED;
        }
        if (maxSize != null) {
            RomfsBudget.Overrun over = RomfsBudget.check(contents, maxSize);
            if (over != null) {
                io.err().print(describe(over));
                io.err().flush();
                return ExitStatus.OVER_BUDGET;
            }
        }
        byte[] file;
        try {
            file = FlashImageWriter.write(image, target);
        } catch (IllegalArgumentException e) {
            io.err().println("freezer romfs: " + e.getMessage() + "; no image written");
            return Main.FAILED;
        }
        if (outPath == null) {
            io.out().write(file, 0, file.length);
            io.out().flush();
        } else {
            try {
                AtomicFiles.write(outPath, file);
            } catch (IOException e) {
                io.err().println(InputFiles.describe("freezer romfs: can't write", output, e));
                return Main.FAILED;
            }
        }
        notes.println("freezer: wrote " + (outPath == null ? "standard output" : output) + ": " + summary(contents,
                build, target, file.length));
        notes.flush();
        return Main.OK;
    }

    /** The tree to build: DIR as make_romfs reads it, or what the manifests freeze. */
    private SourceTree source(CommandLine cl, CompileOptions options) {
        if ((dir == null) == manifests.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "give either DIR or --manifest MANIFEST");
        }
        if (dir != null) {
            if (!vars.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--var applies to --manifest only");
            }
            try {
                return SourceTree.scan(Paths.get(dir), dir, !noMpy);
            } catch (InvalidPathException e) {
                throw new CommandLine.ParameterException(cl, "DIR: not a path: " + dir);
            }
        }
        if (optimisation != null) {
            throw new CommandLine.ParameterException(cl, "-O does not apply to --manifest: each module is compiled"
                    + " with the opt= its manifest gives it");
        }
        Path cwd = Paths.get("").toAbsolutePath();
        List<ManifestInput> inputs = new ArrayList<>();
        for (String m : manifests) {
            try {
                inputs.add(ManifestInput.of(m));
            } catch (InvalidPathException e) {
                throw new CommandLine.ParameterException(cl, "--manifest: not a path: " + m);
            }
        }
        PathVariables variables;
        try {
            variables = PathVariables.fromAssignments(vars, cwd);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(cl, "--var: " + e.getMessage());
        }
        manifestInputs = inputs;
        Manifest manifest = new ManifestEvaluator(variables, cwd).evaluate(inputs);
        return ManifestTree.of(manifest.entries(), "manifest: " + String.join(", ", manifests), options, !noMpy);
    }

    /** The map as a table on standard output, or as JSON in a file; false when it cannot be written. */
    private boolean writeMap(StdStreams io, MemoryMap memoryMap) {
        if (map.equals("-")) {
            io.out().print(MapTable.render(memoryMap));
            io.out().flush();
            return true;
        }
        try {
            AtomicFiles.write(Paths.get(map), MapJson.write(memoryMap));
            return true;
        } catch (IOException | InvalidPathException e) {
            io.err().println("freezer romfs: can't write the map " + map + ": " + (e instanceof IOException x
                    ? InputFiles.reason(x) : e.getMessage()) + "; no image written");
            return false;
        }
    }

    /** mpy-cross's options, read by mpy-cross's own parser so they mean exactly what they mean there. */
    private CompileOptions compileOptions(CommandLine cl) {
        List<String> args = new ArrayList<>();
        if (optimisation != null) {
            args.add("-O" + optimisation);
        }
        if (march != null) {
            args.add("-march=" + march);
        }
        if (marchFlags != null) {
            args.add("-march-flags=" + marchFlags);
        }
        if (smallIntBits != null) {
            args.add("-msmall-int-bits=" + smallIntBits);
        }
        for (String x : xOptions) {
            args.add("-X");
            args.add(x);
        }
        try {
            return MpyCrossFlags.parse(args).options();
        } catch (MpyCrossFlags.UsageException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    private static int failed(StdStreams io, DiagnosticPrinter printer, List<RomfsProblem> problems) {
        for (RomfsProblem p : problems) {
            printer.print(diagnostic(p), io.err());
        }
        io.err().println("freezer romfs: no image written (" + problems.size() + (problems.size() == 1 ? " problem)"
                : " problems)"));
        io.err().flush();
        return Main.FAILED;
    }

    private static Diagnostic diagnostic(RomfsProblem p) {
        if (p instanceof RomfsProblem.Rejected r) {
            return Diagnostic.of(r.error(), r.file(), r.source());
        }
        if (p instanceof RomfsProblem.Crashed c) {
            return Diagnostic.internal(c.file(), c.cause());
        }
        RomfsProblem.Source s = (RomfsProblem.Source) p;
        return new Diagnostic(s.file(), 0, 0, false, s.type(), s.message(), null, -1, null);
    }

    static String describe(RomfsBudget.Overrun over) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("freezer romfs: the image is %d bytes, %d over --max-size %d; no image written."
                + " The biggest files:%n", over.size(), over.over(), over.limit()));
        for (RomfsEntry e : over.biggest()) {
            sb.append(String.format("  %10d  %s%n", e.recordSize(), e.path()));
        }
        return sb.toString();
    }

    private static String summary(RomfsContents contents, RomfsBuild build, FlashImageWriter.Target target,
            int fileSize) {
        String romfs = "ROMFS image of " + contents.size() + " bytes (" + contents.files() + " files, "
                + build.modules().size() + " compiled, " + contents.directories() + " directories)";
        if (target.format() == freezer.image.flash.FlashFormat.BIN) {
            return romfs + (fileSize != contents.size() ? ", padded to " + fileSize + " bytes" : "");
        }
        return FlashOutputOptions.describe(target) + ", " + fileSize + " bytes, of a " + romfs;
    }
}
