package freezer.cli;

import freezer.core.MpyCrossFlags;
import freezer.core.batch.BatchCompiler;
import freezer.image.frozenc.FreezeException;
import freezer.image.frozenc.FreezePipeline;
import freezer.image.frozenc.FreezeWarning;
import freezer.image.frozenc.FrozenImage;
import freezer.image.layout.FrozenMap;
import freezer.image.layout.Target;
import freezer.image.manifest.MakeManifestArgs;
import freezer.image.manifest.Manifest;
import freezer.image.manifest.ManifestError;
import freezer.image.manifest.ManifestEvaluator;
import freezer.image.manifest.ManifestInput;
import freezer.image.manifest.MpyToolOptions;
import freezer.image.manifest.PathVariables;
import freezer.image.map.MapJson;
import freezer.image.map.MapTable;
import freezer.image.map.MemoryMap;
import freezer.image.qstr.FirmwareQstrs;
import freezer.image.qstr.QstrHeaderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer freeze}: a drop-in for tools/makemanifest.py (MicroPython v1.28.0). Resolves the
 * manifests, compiles what changed on all cores, writes frozen_content.c byte for byte as
 * makemanifest.py and mpy-tool.py do, and says where the flash went (docs/freeze.md).
 */
@Command(name = "freeze", description = {"Freeze manifests into frozen_content.c, byte for byte as MicroPython"
    + " v1.28.0's tools/makemanifest.py and mpy-tool.py -f write it, with a content-hash cache, a memory map and size"
    + " budgets (docs/freeze.md). Takes makemanifest.py's command line, read as its argparse reads it."},
        footer = {"", "Exit status: 0 done, 1 an error (nothing written), 2 bad usage, 3 over a budget (the C not"
            + " written)."})
public final class FreezeCommand implements Callable<Integer> {
    static final int OVER_BUDGET = 3;
    private static final String HEADER_IN_BUILD = "genhdr/qstrdefs.preprocessed.h";

    // The options as help, man pages and completion show them. Main hands freeze its arguments
    // before picocli parses anything; MakeManifestArgs reads them as makemanifest.py's argparse does.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The frozen_content.c to write"
            + " (without it nothing is written: the map and the budgets only).")
    private String output;
    @Option(names = {"-b", "--build-dir"}, paramLabel = "DIR", description = "The build folder: its"
            + " genhdr/qstrdefs.preprocessed.h is the firmware's qstr header, the cache lives in DIR/freezer-cache.")
    private String buildDir;
    @Option(names = {"-f", "--mpy-cross-flags"}, paramLabel = "FLAGS", description = "mpy-cross options for every"
            + " compiled module (-f-march=armv7m).")
    private String mpyCrossFlags;
    @Option(names = {"-v", "--var"}, paramLabel = "NAME=VALUE", description = "A path variable for $(NAME) in"
            + " manifests (repeatable).")
    private List<String> vars;
    @Option(names = "--mpy-tool-flags", paramLabel = "FLAGS", description = "-mlongint-impl none|longlong|mpz,"
            + " -mmpz-dig-size 8|16|32.")
    private String mpyToolFlags;
    @Option(names = {"-q", "--qstr-header"}, paramLabel = "FILE", description = "The firmware's"
            + " qstrdefs.preprocessed.h (instead of the build folder's).")
    private String qstrHeader;
    @Option(names = "--target", paramLabel = "NAME", description = "unix-x64 (default) or qemu-armv7m: the"
            + " firmware the map's sizes and some warnings are for.")
    private String target;
    @Option(names = "--word-size", paramLabel = "4|8", description = "The target's pointer size.")
    private String wordSize;
    @Option(names = "--float-size", paramLabel = "0|4|8", description = "The target's mp_float_t size.")
    private String floatSize;
    @Option(names = "--obj-repr", paramLabel = "A|B|C|D", description = "The target's MICROPY_OBJ_REPR.")
    private String objRepr;
    @Option(names = "--persistent-code-save", paramLabel = "0|1", description = "Whether raw-code structures carry"
            + " MICROPY_PERSISTENT_CODE_SAVE's fields.")
    private String persistentCodeSave;
    @Option(names = "--map", paramLabel = "FILE.json|-", description = "Write the memory map as JSON"
            + " (docs/map.md), or - for a table on standard output.")
    private String map;
    @Option(names = "--max-rom", paramLabel = "BYTES", description = "The budget of the whole freeze; over it,"
            + " exit status 3.")
    private String maxRom;
    @Option(names = "--strict", description = "Make every warning (of what upstream freezes broken) an error.")
    private boolean strict;
    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Compile on N threads (default: one per"
            + " processor).")
    private String jobs;
    @Parameters(paramLabel = "MANIFEST", description = "manifest.py files, JSON manifests (.json), or manifest code.")
    private List<String> manifests;

    private final StdStreams io;

    public FreezeCommand() {
        this(StdStreams.system());
    }

    FreezeCommand(StdStreams io) {
        this.io = io;
    }

    /** Only reached through picocli for help: Main sends {@code freeze} straight to {@link #run}. */
    @Override
    public Integer call() {
        return run(manifests == null ? List.of() : manifests, io, Caller.PROCESS);
    }

    /**
     * Runs {@code freezer freeze ARGS} for the given caller (the compile daemon passes its
     * client's working directory and umask); returns the exit status. Throws {@link NotServed}
     * for help, which only the process itself shows.
     */
    public static int run(List<String> args, StdStreams io, Caller caller) {
        MakeManifestArgs a;
        try {
            a = MakeManifestArgs.parse(args);
        } catch (MakeManifestArgs.UsageException e) {
            return usage(io, e.getMessage());
        }
        if (a.help()) {
            if (caller != Caller.PROCESS) {
                throw new NotServed("help runs in-process");
            }
            Main.commandLine(io, ModuleCompiler.MPY_CROSS).getSubcommands().get("freeze").usage(io.out());
            io.out().flush();
            return Main.OK;
        }
        FreezeSettings s;
        try {
            s = FreezeSettings.of(a, caller.cwd() != null ? caller.cwd() : Path.of("").toAbsolutePath());
        } catch (MakeManifestArgs.UsageException e) {
            return usage(io, e.getMessage());
        }
        return new FreezeRun(s, io, caller).run();
    }

    static int usage(StdStreams io, String message) {
        io.err().println(MakeManifestArgs.USAGE);
        io.err().println("freezer freeze: error: " + message);
        return Main.USAGE;
    }

    /** One freeze, from settings to files. */
    private static final class FreezeRun {
        private final FreezeSettings s;
        private final StdStreams io;
        private final Caller caller;

        FreezeRun(FreezeSettings s, StdStreams io, Caller caller) {
            this.s = s;
            this.io = io;
            this.caller = caller;
        }

        int run() {
            FirmwareQstrs firmware;
            byte[] headerBytes;
            try {
                headerBytes = Files.readAllBytes(s.header());
                firmware = FirmwareQstrs.parse(headerBytes, s.header().toString());
            } catch (IOException e) {
                return error("cannot read the qstr header " + s.header() + " (" + reason(e) + ")"
                        + (s.headerGiven() ? "" : "; give it with -q FILE"));
            } catch (QstrHeaderException e) {
                return error(e.getMessage());
            }
            Manifest manifest;
            try {
                manifest = new ManifestEvaluator(s.variables(), s.cwd()).evaluate(s.inputs());
            } catch (ManifestError e) {
                return error(e.toString());
            }
            // with nothing changed since the last freeze into this build folder, stop here
            FreezeStamp stamp = null;
            String digest = null;
            boolean fast = s.buildDir() != null && s.output() != null && s.map() == null && s.maxRom() == null
                    && manifest.maxRom().isEmpty() && !Budgets.any(manifest);
            if (fast) {
                stamp = new FreezeStamp(s.buildDir(), caller);
                try {
                    digest = FreezeStamp.digest(s.describe() + "\0" + generator(), headerBytes, manifest.entries());
                } catch (IOException e) {
                    digest = null;
                }
                List<String> warnings = digest == null ? null : stamp.unchanged(digest, s.cwd().resolve(s.output()));
                if (warnings != null) {
                    for (String w : warnings) {
                        io.err().println(w);
                    }
                    return Main.OK;
                }
                stamp.clear();
            }
            FreezeCache cache = s.buildDir() == null ? null : new FreezeCache(s.buildDir(), caller);
            FreezePipeline.Result result;
            try {
                result = FreezePipeline.run(new FreezePipeline.Request(manifest.entries(), firmware, s.mpyCrossFlags(),
                        s.mpyTool(), s.buildDirName(), s.target().singlePrecision(), generator()),
                        new BatchCompiler(s.jobs()), cache == null ? FreezePipeline.ModuleCache.NONE : cache);
            } catch (FreezeException e) {
                return error(e.text());
            }
            FrozenImage image = result.image();
            // what makemanifest.py prints for each module it compiles (here: not found in the cache)
            for (String target : result.compiled()) {
                io.out().println("MPY " + target);
            }
            List<String> warnings = new ArrayList<>();
            for (FreezeWarning w : image.warnings()) {
                warnings.add("freezer: warning: " + w.text());
                io.err().println(warnings.get(warnings.size() - 1));
            }
            if (s.strict() && !image.warnings().isEmpty()) {
                return error("--strict: " + image.warnings().size() + " warning" + (image.warnings().size() == 1 ? "" : "s")
                        + " about what upstream freezes broken; nothing written");
            }
            MemoryMap map = null;
            Budgets.Verdict verdict = Budgets.Verdict.OK;
            if (s.map() != null || s.maxRom() != null || manifest.maxRom().isPresent() || Budgets.any(manifest)) {
                map = FrozenMap.build(image, s.target(), generator());
                verdict = Budgets.check(map, manifest, s.maxRom());
            }
            if (s.map() != null) {
                int status = writeMap(map);
                if (status != Main.OK) {
                    return status;
                }
            }
            if (!verdict.ok()) {
                io.err().print(verdict.report());
                io.err().println("freezer: over budget: " + (s.output() == null ? "" : s.output() + " not written"));
                return OVER_BUDGET;
            }
            if (s.output() != null) {
                int status = writeOutput(image.content());
                if (status != Main.OK) {
                    return status;
                }
                if (stamp != null && digest != null) {
                    stamp.record(digest, s.cwd().resolve(s.output()), warnings);
                }
            }
            if (cache != null) {
                cache.pruneUnused();
            }
            return Main.OK;
        }

        private int writeMap(MemoryMap map) {
            if (s.map().equals("-")) {
                io.out().print(MapTable.render(map));
                io.out().flush();
                return Main.OK;
            }
            Path file = s.cwd().resolve(s.map());
            try {
                createParent(file);
                AtomicFiles.write(file, MapJson.write(map), caller.newFileMode());
                return Main.OK;
            } catch (IOException e) {
                return error("cannot write the map " + s.map() + " (" + reason(e) + ")");
            }
        }

        /** Writes the C unless the file already holds these bytes (then make sees nothing new). */
        private int writeOutput(byte[] content) {
            Path file = s.cwd().resolve(s.output());
            try {
                if (Files.isRegularFile(file) && Files.size(file) == content.length
                        && Arrays.equals(Files.readAllBytes(file), content)) {
                    return Main.OK;
                }
                createParent(file);
                AtomicFiles.write(file, content, caller.newFileMode());
                io.out().println("GEN " + s.output());
                return Main.OK;
            } catch (IOException e) {
                return error("cannot write " + s.output() + " (" + reason(e) + ")");
            }
        }

        private void createParent(Path file) throws IOException {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                caller.createDirectories(parent);
            }
        }

        private int error(String message) {
            io.err().println("freezer: error: " + message);
            return Main.FAILED;
        }
    }

    static String generator() {
        return "freezer " + Version.freezer();
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** What the command line asks for, checked. */
    record FreezeSettings(Path cwd, String output, Path buildDir, String buildDirName, Path header, boolean headerGiven,
            PathVariables variables, List<ManifestInput> inputs, List<String> mpyCrossFlags, MpyToolOptions mpyTool,
            Target target, String map, Long maxRom, boolean strict, int jobs) {

        /** Everything in the settings that decides the output's bytes and the warnings, as text. */
        String describe() {
            return String.join("\0", cwd.toString(), String.valueOf(output), String.valueOf(buildDir), buildDirName,
                    header.toString(), String.valueOf(variables.values()), String.valueOf(inputs),
                    String.valueOf(mpyCrossFlags), String.valueOf(mpyTool), String.valueOf(target),
                    Boolean.toString(strict));
        }

        /** @param cwd the caller's working directory, absolute */
        static FreezeSettings of(MakeManifestArgs a, Path cwd) throws MakeManifestArgs.UsageException {
            PathVariables vars = PathVariables.fromAssignments(a.variables(), cwd);
            List<ManifestInput> inputs = new ArrayList<>();
            for (String m : a.manifests()) {
                inputs.add(input(m, cwd));
            }
            List<String> flags = a.mpyCrossFlagList();
            try {
                FreezePipeline.compileOptions("module.py", 0, flags);
            } catch (MpyCrossFlags.UsageException e) {
                throw new MakeManifestArgs.UsageException("argument -f/--mpy-cross-flags: " + e.getMessage());
            }
            MpyToolOptions tool = a.mpyTool();
            Path buildDir = a.buildDir() == null ? null : cwd.resolve(a.buildDir());
            Path header;
            if (a.qstrHeader() != null) {
                header = cwd.resolve(a.qstrHeader());
            } else if (buildDir != null) {
                header = buildDir.resolve(HEADER_IN_BUILD);
            } else {
                throw new MakeManifestArgs.UsageException("no qstr header: give -b BUILD_DIR (which holds "
                        + HEADER_IN_BUILD + ") or -q FILE");
            }
            Long maxRom = a.maxRom().isPresent() ? a.maxRom().getAsLong() : null;
            int jobs = a.jobs() != null ? (int) number("-j/--jobs", a.jobs(), 1)
                    : Runtime.getRuntime().availableProcessors();
            return new FreezeSettings(cwd, a.output(), buildDir, a.buildDir() == null ? "build" : a.buildDir(), header,
                    a.qstrHeader() != null, vars, inputs, flags, tool, TargetOptions.target(a), a.map(), maxRom,
                    a.strict(), jobs);
        }

        private static ManifestInput input(String argument, Path cwd) {
            if (argument.endsWith(".py")) {
                return new ManifestInput.File(cwd.resolve(argument).normalize());
            }
            if (argument.endsWith(".json")) {
                return new ManifestInput.Json(cwd.resolve(argument).normalize());
            }
            return new ManifestInput.Code(argument);
        }

        static long number(String option, String value, long min) throws MakeManifestArgs.UsageException {
            try {
                long n = Long.parseLong(value.strip());
                if (n < min) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new MakeManifestArgs.UsageException("argument " + option + ": '" + value
                        + "' is not a whole number of at least " + min);
            }
        }
    }

}
