package freezer.image.manifest;

import freezer.image.manifest.ManifestValue.Function;
import freezer.image.manifest.ManifestValue.Sequence;
import freezer.image.manifest.ManifestValue.Str;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One evaluation of manifests in freeze mode, as tools/manifestfile.py's ManifestFile holds it:
 * the files collected so far, the manifests already included (each is read once), the stack of
 * package metadata ({@code require()} opens a package), the registered libraries, and the
 * current folder (each manifest's paths are relative to its own folder).
 *
 * <p>The API a manifest sees (freeze mode): {@code metadata}, {@code include}, {@code require},
 * {@code add_library}, {@code package}, {@code module}, {@code options}, {@code freeze},
 * {@code freeze_as_str}, {@code freeze_as_mpy}, {@code freeze_mpy}; and {@code import os}.
 */
final class ManifestFile implements FileCollector.Context {
    /** micropython-lib's libraries, searched in this order when MPY_LIB_DIR is given (BASE_LIBRARY_NAMES). */
    private static final List<String> BASE_LIBRARY_NAMES = List.of("micropython", "python-stdlib", "python-ecosys");
    /** Deeper include chains are refused (upstream would reach Python's recursion limit). */
    private static final int MAX_INCLUDE_DEPTH = 100;

    private static final ManifestValue NONE = ManifestValue.None.NONE;
    private static final Signature METADATA = Signature.of("metadata").varKeywords();
    private static final Signature INCLUDE = Signature.of("include", "manifest_path")
            .optional("is_require", ManifestValue.Bool.FALSE).varKeywords();
    private static final Signature REQUIRE = Signature.of("require", "name").optional("version", NONE)
            .optional("pypi", NONE).optional("library", NONE).varKeywords();
    private static final Signature ADD_LIBRARY = Signature.of("add_library", "library", "library_path")
            .optional("prepend", ManifestValue.Bool.FALSE);
    private static final Signature PACKAGE = Signature.of("package", "package_path").optional("files", NONE)
            .optional("base_path", new Str(".")).optional("opt", NONE);
    private static final Signature MODULE = Signature.of("module", "module_path").optional("base_path", new Str("."))
            .optional("opt", NONE);
    private static final Signature FREEZE_AS_STR = Signature.of("freeze_as_str", "path");

    private final PathVariables variables;
    private final FileCollector collector = new FileCollector(this);
    private final DirectoryWalk walker = new DirectoryWalk();
    private final Set<String> visited = new HashSet<>();
    private final Deque<PackageMetadata> metadata = new ArrayDeque<>();
    private final Map<String, String> libraries = new HashMap<>();
    private final List<String> libraryDirs = new ArrayList<>();
    private final OsModule os = new OsModule(this::cwd);
    private final Map<String, Function> api = new LinkedHashMap<>();
    private String cwd;
    private int depth;

    /** @param cwd the current directory: where command-line manifests and code are relative to */
    ManifestFile(PathVariables variables, String cwd) {
        this.variables = variables;
        this.cwd = cwd;
        metadata.push(new PackageMetadata());
        String libDir = variables.get(PathVariables.MPY_LIB_DIR);
        if (libDir != null && !libDir.isEmpty()) {
            for (String lib : BASE_LIBRARY_NAMES) {
                addLibrary(lib, PosixPath.join("$(" + PathVariables.MPY_LIB_DIR + ")", lib), false);
            }
        }
        define(METADATA, this::metadataCall);
        define(INCLUDE, (args, call) -> {
            include(args.get("manifest_path"), Operators.truth(args.get("is_require")), args.extraKeywords(), call);
            return NONE;
        });
        define(REQUIRE, this::require);
        define(ADD_LIBRARY, (args, call) -> {
            ManifestValue library = args.get("library");
            if (!(library instanceof Str name)) {
                throw EvalFailure.badArgument("add_library(): library must be a str, not " + library.typeName());
            }
            addLibrary(name.text(), args.str("library_path"), Operators.truth(args.get("prepend")));
            return NONE;
        });
        define(PACKAGE, (args, call) -> none(() -> collector.packageCall(args, call)));
        define(MODULE, (args, call) -> none(() -> collector.module(args, call)));
        defineFreeze("freeze", FileCollector.Mode.AUTO);
        define(FREEZE_AS_STR, (args, call) -> none(() -> collector.freezeAsStr(args, call)));
        defineFreeze("freeze_as_mpy", FileCollector.Mode.AS_MPY);
        defineFreeze("freeze_mpy", FileCollector.Mode.MPY);
    }

    private void define(Signature signature, ManifestValue.Body body) {
        api.put(signature.function(), new Function(signature.function(), signature, body));
    }

    private void defineFreeze(String name, FileCollector.Mode mode) {
        Signature s = Signature.of(name, "path").optional("script", NONE).optional("opt", NONE);
        define(s, (args, call) -> none(() -> collector.freeze(args, mode, call)));
    }

    private static ManifestValue none(Runnable action) {
        action.run();
        return NONE;
    }

    /** The collected files, in manifest order. */
    List<FileCollector.Pending> files() {
        return collector.files();
    }

    /** Files a JSON manifest resolved, in their place in the order. */
    void add(List<FileCollector.Pending> resolved) {
        collector.files().addAll(resolved);
    }

    /** The metadata of the top-level package (what {@code metadata()} set outside any require). */
    PackageMetadata topMetadata() {
        return metadata.peekLast();
    }

    /** makemanifest's {@code execute()} of a manifest file named on the command line. */
    void executeFile(String path) {
        include(new Str(path), false, Map.of(), null);
    }

    /** makemanifest's {@code execute()} of manifest code given on the command line, run in the current folder. */
    void executeCode(String code) {
        byte[] source = code.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        run(ManifestOrigin.CODE, source, Map.of());
    }

    // FileCollector.Context

    @Override
    public String cwd() {
        return cwd;
    }

    @Override
    public PathVariables variables() {
        return variables;
    }

    @Override
    public PackageMetadata metadata() {
        return metadata.peek();
    }

    @Override
    public DirectoryWalk walker() {
        return walker;
    }

    // The API.

    private ManifestValue metadataCall(Signature.Bound args, ManifestOrigin call) {
        if (!args.extraKeywords().isEmpty()) {
            metadata.peek().update(args.extraKeywords());
        }
        return metadata.peek();
    }

    /**
     * {@code include(manifest_path, is_require=False, **kwargs)}: a path (a folder means its
     * manifest.py) or a list of them; each manifest is read once, with {@code kwargs} as its
     * {@code options}; one that {@code require()} reads opens a package of its own.
     *
     * @param call the include call, or null for a manifest named on the command line
     */
    private void include(ManifestValue manifestPath, boolean isRequire, Map<String, ManifestValue> kwargs,
            ManifestOrigin call) {
        if (!(manifestPath instanceof Str str)) {
            if (manifestPath instanceof Sequence seq) {
                for (ManifestValue m : seq.items()) {
                    include(m, false, kwargs, call);
                }
                return;
            }
            throw EvalFailure.badArgument("include(): manifest_path must be a str or a list of str, not "
                    + manifestPath.typeName());
        }
        String path = variables.resolve(str.text(), cwd);
        if (Files.isDirectory(FileCollector.toPath(path))) {
            path = PosixPath.join(path, "manifest.py");
        }
        if (!visited.add(path)) {
            return;
        }
        byte[] source;
        try {
            source = Files.readAllBytes(FileCollector.toPath(path));
        } catch (NoSuchFileException e) {
            throw missing(call, path, "manifest not found: " + path);
        } catch (IOException e) {
            throw missing(call, path, "cannot read manifest " + path + ": " + e.getMessage());
        }
        if (depth >= MAX_INCLUDE_DEPTH) {
            throw EvalFailure.unsupported("manifests include each other more than " + MAX_INCLUDE_DEPTH
                    + " levels deep");
        }
        if (isRequire) {
            metadata.push(new PackageMetadata());
        }
        String previous = cwd;
        cwd = PosixPath.dirname(path);
        depth++;
        try {
            run(Path.of(path), source, kwargs);
        } catch (ManifestError e) {
            throw call == null ? e : e.includedFrom(call);
        } finally {
            depth--;
            cwd = previous;
        }
        if (isRequire) {
            metadata.pop();
        }
    }

    /** A missing manifest: at the include call, or (named on the command line) on its own. */
    private static RuntimeException missing(ManifestOrigin call, String path, String message) {
        if (call == null) {
            return new ManifestError(ManifestErrorKind.MISSING_FILE, message, new ManifestOrigin(Path.of(path), 0, 0));
        }
        return new EvalFailure(ManifestErrorKind.MISSING_FILE, message);
    }

    /** Parses and evaluates one manifest with a fresh namespace, as upstream's exec with new globals. */
    private void run(Path manifest, byte[] source, Map<String, ManifestValue> kwargs) {
        var root = ManifestParser.parse(manifest, source);
        Map<String, ManifestValue> globals = new HashMap<>(api);
        globals.put("options", new IncludeOptions(kwargs));
        new ManifestInterpreter(manifest, source, globals, os.importable()).run(root);
    }

    /**
     * {@code require(name, version=None, pypi=None, library=None, **kwargs)}: includes the first
     * folder named {@code name} that holds a manifest.py, below the given library or each library
     * in turn (micropython-lib's layout).
     */
    private ManifestValue require(Signature.Bound args, ManifestOrigin call) {
        String name = args.str("name");
        ManifestValue library = args.get("library");
        if (library != NONE) {
            String lib = library instanceof Str s ? s.text() : Operators.repr(library);
            String libraryPath = libraries.get(lib);
            if (libraryPath == null) {
                throw new EvalFailure(ManifestErrorKind.UNKNOWN_LIBRARY, "Unknown library '" + lib + "' for require('"
                        + name + "').");
            }
            if (requireFromPath(libraryPath, name, args.extraKeywords(), call)) {
                return NONE;
            }
            throw new EvalFailure(ManifestErrorKind.UNKNOWN_PACKAGE, "Package '" + name
                    + "' not found in external library '" + lib + "' (" + libraryPath + ").");
        }
        for (String dir : List.copyOf(libraryDirs)) {
            if (requireFromPath(dir, name, args.extraKeywords(), call)) {
                return NONE;
            }
        }
        String hint = variables.get(PathVariables.MPY_LIB_DIR) == null
                ? " (MPY_LIB_DIR is not set: give micropython-lib with -v MPY_LIB_DIR=PATH)" : "";
        throw new EvalFailure(ManifestErrorKind.UNKNOWN_PACKAGE, "Package '" + name
                + "' not found in any known library." + hint);
    }

    private boolean requireFromPath(String libraryPath, String name, Map<String, ManifestValue> kwargs,
            ManifestOrigin call) {
        String[] found = new String[1];
        try {
            walker.walk(libraryPath, cwd, false, step -> {
                if (PosixPath.basename(step.dirpath()).equals(name) && step.filenames().contains("manifest.py")) {
                    found[0] = step.dirpath();
                    return true;
                }
                return false;
            });
        } catch (DirectoryWalk.LoopException e) {
            throw new EvalFailure(ManifestErrorKind.UNREADABLE, "symbolic links loop at " + e.getMessage());
        }
        if (found[0] == null) {
            return false;
        }
        include(new Str(found[0]), true, kwargs, call);
        return true;
    }

    /** {@code add_library(library, library_path, prepend=False)}. */
    private void addLibrary(String library, String libraryPath, boolean prepend) {
        String path = variables.resolve(libraryPath, cwd);
        libraries.put(library, path);
        libraryDirs.add(prepend ? 0 : libraryDirs.size(), path);
    }
}
