package freezer.image.manifest;

import freezer.core.MpyCrossFlags;
import freezer.image.manifest.ManifestValue.Sequence;
import freezer.image.manifest.ManifestValue.Str;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The manifest functions that name files to freeze ({@code package}, {@code module},
 * {@code freeze}, {@code freeze_as_str}, {@code freeze_as_mpy}, {@code freeze_mpy}), and the
 * files they collect, in order: manifestfile.py's {@code _search} and {@code _add_file}.
 *
 * <p>Where upstream accepts a file it cannot freeze and fails later (or crashes: an extension
 * other than .py or .mpy trips an assertion in makemanifest.py), freezer says so at the call.
 * Where upstream silently freezes nothing ({@code package()} of a folder that does not exist),
 * freezer reports the missing folder.
 */
final class FileCollector {
    /** How a call freezes what it finds (manifestfile.py's KIND_* in freeze mode). */
    enum Mode {
        /** .py compiled, .mpy as it is (KIND_AUTO, KIND_FREEZE_AUTO). */
        AUTO,
        /** .py as source text (KIND_FREEZE_AS_STR). */
        AS_STR,
        /** .py compiled (KIND_FREEZE_AS_MPY). */
        AS_MPY,
        /** .mpy as it is (KIND_FREEZE_MPY). */
        MPY
    }

    private static final Set<String> PY = Set.of(".py");
    private static final Set<String> MPY = Set.of(".mpy");
    private static final Set<String> PY_AND_MPY = Set.of(".py", ".mpy");

    /** A collected file, whose package's version is read only when the whole manifest is done. */
    record Pending(FreezeKind kind, String fullPath, String target, int opt, PackageMetadata metadata,
            ManifestOrigin origin, OptionalLong maxRom) {
        ManifestEntry toEntry() {
            return new ManifestEntry(kind, Path.of(fullPath), target, opt, metadata.version(), origin, maxRom);
        }
    }

    /** What the collector needs from the evaluation around it. */
    interface Context {
        /** The folder of the manifest being evaluated (upstream's current directory). */
        String cwd();

        PathVariables variables();

        /** The metadata of the package being declared. */
        PackageMetadata metadata();

        /** Lists folders (each once per evaluation). */
        DirectoryWalk walker();
    }

    private final Context context;
    private final List<Pending> files = new ArrayList<>();

    FileCollector(Context context) {
        this.context = context;
    }

    List<Pending> files() {
        return files;
    }

    /** {@code package(package_path, files=None, base_path=".", opt=None)}. */
    void packageCall(Signature.Bound args, ManifestOrigin call) {
        search(args.str("base_path"), args.str("package_path"), args.get("files"), PY, Mode.AUTO,
                opt(args), call);
    }

    /** {@code module(module_path, base_path=".", opt=None)}. */
    void module(Signature.Bound args, ManifestOrigin call) {
        String base = resolve(args.str("base_path"));
        String modulePath = args.str("module_path");
        if (!PosixPath.hasExtension(modulePath, ".py")) {
            throw EvalFailure.badArgument("module must be .py file (module('" + modulePath + "'))");
        }
        addFile(PosixPath.join(base, modulePath), modulePath, Mode.AUTO, opt(args), call);
    }

    /** {@code freeze(path, script=None, opt=None)} and its kin, by mode (manifestfile.py's _freeze_internal). */
    void freeze(Signature.Bound args, Mode mode, ManifestOrigin call) {
        Set<String> exts = mode == Mode.AUTO ? PY_AND_MPY : mode == Mode.MPY ? MPY : PY;
        String path = args.str("path");
        ManifestValue script = args.get("script");
        int opt = opt(args);
        if (script == ManifestValue.None.NONE) {
            search(path, null, script, exts, mode, opt, call);
        } else if (script instanceof Str s) {
            // upstream tests the folder before substituting variables, so "$(VAR)/x" with a folder
            // script crashes there; freezer substitutes first
            if (Files.isDirectory(toPath(PosixPath.join(resolve(path), s.text())))) {
                search(path, s.text(), ManifestValue.None.NONE, exts, mode, opt, call);
            } else {
                search(path, null, Sequence.tuple(List.of(s)), exts, mode, opt, call);
            }
        } else {
            search(path, null, script, exts, mode, opt, call);
        }
    }

    /** {@code freeze_as_str(path)}: every .py below a folder, as source text. */
    void freezeAsStr(Signature.Bound args, ManifestOrigin call) {
        search(args.str("path"), null, ManifestValue.None.NONE, PY, Mode.AS_STR, 0, call);
    }

    /**
     * manifestfile.py's _search: the listed files (relative to the package folder, frozen under
     * that relative path), or every file with one of the extensions below the package folder.
     */
    private void search(String basePath, String packagePath, ManifestValue fileList, Set<String> exts, Mode mode,
            int opt, ManifestOrigin call) {
        String base = resolve(basePath);
        boolean inPackage = packagePath != null && !packagePath.isEmpty();
        if (fileList != ManifestValue.None.NONE) {
            if (!(fileList instanceof Sequence seq)) {
                throw EvalFailure.badArgument("the files to freeze must be a list or tuple of str, not "
                        + fileList.typeName());
            }
            for (ManifestValue item : seq.items()) {
                if (!(item instanceof Str s)) {
                    throw EvalFailure.badArgument("the files to freeze must be str, not " + item.typeName());
                }
                String file = inPackage ? PosixPath.join(packagePath, s.text()) : s.text();
                addFile(PosixPath.join(base, file), file, mode, opt, call);
            }
            return;
        }
        requireFolder(base);
        String top = inPackage ? packagePath : ".";
        requireFolder(PosixPath.abspath(top, base));
        List<DirectoryWalk.Step> steps;
        try {
            steps = context.walker().walk(top, base, true);
        } catch (DirectoryWalk.LoopException e) {
            throw new EvalFailure(ManifestErrorKind.UNREADABLE, "symbolic links loop at " + PosixPath.join(base,
                    e.getMessage()));
        }
        for (DirectoryWalk.Step step : steps) {
            for (String name : step.filenames()) {
                String file = PosixPath.relpath(PosixPath.join(step.dirpath(), name), ".", base);
                String ext = PosixPath.extension(file).toLowerCase(java.util.Locale.ROOT);
                if (exts.contains(ext)) {
                    addFile(PosixPath.join(base, file), file, mode, opt, call);
                }
            }
        }
    }

    private static void requireFolder(String path) {
        Path p = toPath(path);
        if (!Files.isDirectory(p)) {
            throw new EvalFailure(ManifestErrorKind.MISSING_FOLDER, Files.exists(p) ? "not a folder: " + path
                    : "folder not found: " + path);
        }
    }

    /** manifestfile.py's _add_file: the file must exist, and its kind follows from the mode and extension. */
    private void addFile(String fullPath, String target, Mode mode, int opt, ManifestOrigin call) {
        Path p = toPath(fullPath);
        if (!Files.exists(p)) {
            throw new EvalFailure(ManifestErrorKind.MISSING_FILE, "Cannot stat " + fullPath);
        }
        if (Files.isDirectory(p)) {
            throw EvalFailure.badArgument("cannot freeze " + fullPath + ": it is a folder");
        }
        boolean py = PosixPath.hasExtension(fullPath, ".py");
        boolean mpy = PosixPath.hasExtension(fullPath, ".mpy");
        FreezeKind kind = switch (mode) {
            case AUTO -> py ? FreezeKind.COMPILE : mpy ? FreezeKind.MPY : null;
            case AS_STR -> py ? FreezeKind.STR : null;
            case AS_MPY -> py ? FreezeKind.COMPILE : null;
            case MPY -> mpy ? FreezeKind.MPY : null;
        };
        if (kind == null) {
            String wanted = mode == Mode.AUTO ? "a .py or .mpy file" : mode == Mode.MPY ? "a .mpy file" : "a .py file";
            throw EvalFailure.badArgument("cannot freeze " + fullPath + " here: expected " + wanted);
        }
        files.add(new Pending(kind, fullPath, target, opt, context.metadata(), call, OptionalLong.empty()));
    }

    private String resolve(String path) {
        return context.variables().resolve(path, context.cwd());
    }

    /**
     * The level mpy-cross compiles with when makemanifest passes {@code -O<opt>}: Python formats
     * the value with str(), and mpy-cross reads a digit or counts Os (so 10 is 1 and True is 1).
     */
    private static int opt(Signature.Bound args) {
        ManifestValue v = args.get("opt");
        if (v == ManifestValue.None.NONE) {
            return 0;
        }
        String text;
        if (v instanceof Str s) {
            text = s.text();
        } else if (v instanceof ManifestValue.Int || v instanceof ManifestValue.Bool) {
            text = Operators.str(v);
        } else {
            throw EvalFailure.badArgument("opt must be an int, not " + v.typeName());
        }
        return MpyCrossFlags.optimisationLevel("-O" + text);
    }

    static Path toPath(String path) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw EvalFailure.badArgument("not a usable path: " + path);
        }
    }
}
