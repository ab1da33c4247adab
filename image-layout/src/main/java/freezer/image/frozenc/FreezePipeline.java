package freezer.image.frozenc;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.MpyCrossFlags;
import freezer.core.SourcePosition;
import freezer.core.batch.BatchCompiler;
import freezer.core.batch.CompileJob;
import freezer.core.batch.CompileResult;
import freezer.core.batch.ModuleBatch;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyFormatException;
import freezer.core.mpy.MpyReader;
import freezer.image.manifest.FreezeKind;
import freezer.image.manifest.ManifestEntry;
import freezer.image.manifest.MpyToolOptions;
import freezer.image.qstr.FirmwareQstrs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * From a resolved manifest to frozen C, as makemanifest.py goes: compile every module that needs
 * it (all at once, on the batch compiler's threads), read prebuilt .mpy files, keep str modules
 * as text, then write the C. Modules found in the cache are not compiled again.
 */
public final class FreezePipeline {

    /**
     * Compiled modules kept between runs, by a key that covers everything the compile depends
     * on. Lookups and stores may do nothing.
     */
    public interface ModuleCache {
        CompiledModule get(String key);

        void put(String key, CompiledModule module);

        /** A cache that keeps nothing. */
        ModuleCache NONE = new ModuleCache() {
            @Override
            public CompiledModule get(String key) {
                return null;
            }

            @Override
            public void put(String key, CompiledModule module) {
            }
        };
    }

    /**
     * One freeze.
     *
     * @param entries the manifest's files in order
     * @param firmware the firmware's qstrs
     * @param mpyCrossFlags makemanifest.py's {@code -f} flags, split on white space
     * @param options mpy-tool.py's flags
     * @param buildDir the build folder as given ({@code -b}), for the .mpy paths the C names
     * @param singlePrecision whether the target's floats are single precision (warnings)
     * @param generator the freezer version, part of every cache key
     */
    public record Request(List<ManifestEntry> entries, FirmwareQstrs firmware, List<String> mpyCrossFlags,
            MpyToolOptions options, String buildDir, boolean singlePrecision, String generator) {
        public Request {
            entries = List.copyOf(entries);
            mpyCrossFlags = List.copyOf(mpyCrossFlags);
        }
    }

    /**
     * What a freeze made.
     *
     * @param image the C and what it holds
     * @param compiled the frozen names of the modules compiled in this run (the others came from the cache)
     * @param cacheKeys the cache key of every compiled module, in manifest order
     */
    public record Result(FrozenImage image, List<String> compiled, List<String> cacheKeys) {
    }

    private FreezePipeline() {
    }

    /**
     * The options one module is compiled with: {@code -s TARGET [-O<opt>] FLAGS... SOURCE}, read
     * as mpy-cross reads them (so {@code -O} in the flags wins over the manifest's).
     */
    public static CompileOptions compileOptions(String target, int opt, List<String> flags)
            throws MpyCrossFlags.UsageException {
        List<String> args = new ArrayList<>();
        args.add("-s");
        args.add(target);
        args.add("-O" + opt);
        args.addAll(flags);
        args.add("input.py");
        MpyCrossFlags parsed = MpyCrossFlags.parse(args);
        if (parsed.inputs().size() != 1 || parsed.outputFile() != null || parsed.showVersion()) {
            throw new MpyCrossFlags.UsageException("mpy-cross flags " + String.join(" ", flags)
                    + " name files or ask for the version: freeze passes its own");
        }
        return parsed.options();
    }

    public static Result run(Request request, BatchCompiler batch, ModuleCache cache) throws FreezeException {
        List<FrozenStr> strs = new ArrayList<>();
        // each .mpy module in manifest order: ready (prebuilt or cached), or the index of its compile job
        List<Slot> slots = new ArrayList<>();
        List<CompileJob> jobs = new ArrayList<>();
        List<String> jobKeys = new ArrayList<>();
        List<ManifestEntry> jobEntries = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (ManifestEntry e : request.entries()) {
            switch (e.kind()) {
                case STR -> strs.add(new FrozenStr(e.target(), read(e), e.source().toString()));
                case MPY -> slots.add(new Slot(prebuilt(e), -1));
                case COMPILE -> {
                    CompileJob job = job(request, e);
                    String key = key(request, e, job);
                    keys.add(key);
                    CompiledModule cached = cache.get(key);
                    if (cached != null) {
                        slots.add(new Slot(mpy(request, e, cached), -1));
                    } else {
                        slots.add(new Slot(null, jobs.size()));
                        jobs.add(job);
                        jobKeys.add(key);
                        jobEntries.add(e);
                    }
                }
                default -> throw new AssertionError(e.kind());
            }
        }
        List<CompileResult> results = ModuleBatch.compile(batch, jobs);
        List<String> compiled = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ManifestEntry e = jobEntries.get(i);
            CompileResult r = results.get(i);
            if (r instanceof CompileResult.Rejected rej) {
                throw compileError(e, rej.error(), jobs.get(i).source());
            }
            if (r instanceof CompileResult.Crashed c) {
                throw new FreezeException(e.target(), "freezer failed compiling " + e.source() + ": " + c.cause()
                        + " (a bug in freezer, please report it)");
            }
            CompiledModule m = ((CompileResult.Compiled) r).module();
            cache.put(jobKeys.get(i), m);
            compiled.add(e.target());
        }
        List<FrozenMpy> modules = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.ready() != null) {
                modules.add(slot.ready());
            } else {
                CompiledModule m = ((CompileResult.Compiled) results.get(slot.job())).module();
                modules.add(mpy(request, jobEntries.get(slot.job()), m));
            }
        }
        FreezeInput input = new FreezeInput(strs, modules, request.firmware(), request.options(),
                request.singlePrecision());
        return new Result(FrozenCWriter.write(input), compiled, keys);
    }

    /** A module of the output: already in hand, or the result of compile job {@code job}. */
    private record Slot(FrozenMpy ready, int job) {
    }

    private static FrozenMpy mpy(Request request, ManifestEntry e, CompiledModule m) {
        String target = e.target();
        int[] cps = target.codePoints().toArray();
        String stem = new String(cps, 0, Math.max(0, cps.length - 3));
        return FrozenMpy.compiled(m, request.buildDir() + "/frozen_mpy/" + stem + ".mpy", e.source().toString());
    }

    private static FrozenMpy prebuilt(ManifestEntry e) throws FreezeException {
        byte[] data = read(e);
        try {
            MpyReader.MpyFile file = MpyReader.readFile(data);
            return new FrozenMpy(file.module(), e.source().toString(), e.source().toString(), true,
                    file.moduleLength(), file.trailingBytes());
        } catch (MpyFormatException ex) {
            throw new FreezeException(e.source().toString(), ex.getMessage());
        }
    }

    private static CompileJob job(Request request, ManifestEntry e) throws FreezeException {
        byte[] source;
        try {
            source = SourceText.tagged(read(e), e.version());
        } catch (IllegalArgumentException ex) {
            throw new FreezeException(e.source().toString(), ex.getMessage() + at(e));
        }
        try {
            return new CompileJob(source, e.source().toString(), compileOptions(e.target(), e.opt(), request.mpyCrossFlags()));
        } catch (MpyCrossFlags.UsageException ex) {
            throw new FreezeException(e.target(), "mpy-cross flags: " + ex.getMessage());
        }
    }

    private static byte[] read(ManifestEntry e) throws FreezeException {
        try {
            return Files.readAllBytes(e.source());
        } catch (IOException ex) {
            throw new FreezeException(e.source().toString(), "cannot read it (" + ex.getMessage() + ")" + at(e));
        }
    }

    /** Where the manifest asked for the file, for messages. */
    private static String at(ManifestEntry e) {
        if (e.origin() == null) {
            return "";
        }
        return "; frozen by " + e.origin();
    }

    private static FreezeException compileError(ManifestEntry e, CompileError err, byte[] source) {
        // mpy-cross's line, and the column in characters as every freezer error counts it (docs/cli.md)
        int column = err.offset() >= 0 && err.line() > 0
                && SourcePosition.of(source, err.offset()).line() == err.line()
                ? SourcePosition.of(source, err.offset()).column() : 1;
        return new FreezeException(e.target(), "error compiling: " + err.file() + ":" + err.line() + ":" + column
                + ": " + err.type() + ": " + err.message() + at(e));
    }

    /** Everything one module's compile depends on. */
    private static String key(Request request, ManifestEntry e, CompileJob job) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(request.generator(), e.target(), Integer.toString(e.opt()),
                    String.join("\u0000", request.mpyCrossFlags()), job.inputPath())) {
                d.update(part.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            d.update(job.source());
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
