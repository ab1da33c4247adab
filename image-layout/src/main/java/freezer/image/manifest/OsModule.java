package freezer.image.manifest;

import freezer.image.manifest.ManifestValue.Function;
import freezer.image.manifest.ManifestValue.Str;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code import os} gives a manifest: {@code os.path.join}, {@code dirname},
 * {@code basename}, {@code abspath} and {@code normpath} of strings, computed as CPython's
 * posixpath does. {@code abspath} is relative to the manifest's folder, which upstream makes
 * the current directory while a manifest runs. Nothing here touches the file system.
 */
final class OsModule implements ManifestValue.Attributes {
    private final PathModule path;

    /** @param cwd the folder of the manifest being evaluated */
    OsModule(Supplier<String> cwd) {
        this.path = new PathModule(cwd);
    }

    /** The modules {@code import} may bind, by dotted name. */
    Map<String, ManifestValue> importable() {
        return Map.of("os", this, "os.path", path);
    }

    @Override
    public ManifestValue attribute(String name) {
        return name.equals("path") ? path : null;
    }

    @Override
    public String typeName() {
        return "module";
    }

    /** os.path. */
    private static final class PathModule implements ManifestValue.Attributes {
        private final Map<String, Function> functions;

        PathModule(Supplier<String> cwd) {
            functions = Map.of(
                    "join", new Function("join", Signature.of("join", "a").varPositional(), (args, call) -> {
                        String first = pathArg(args.get("a"), "join");
                        List<ManifestValue> rest = args.extraPositional();
                        String[] more = new String[rest.size()];
                        for (int i = 0; i < more.length; i++) {
                            more[i] = pathArg(rest.get(i), "join");
                        }
                        return new Str(PosixPath.join(first, more));
                    }),
                    "dirname", unary("dirname", PosixPath::dirname),
                    "basename", unary("basename", PosixPath::basename),
                    "normpath", unary("normpath", PosixPath::normpath),
                    "abspath", unary("abspath", p -> PosixPath.abspath(p, cwd.get())));
        }

        private static Function unary(String name, java.util.function.UnaryOperator<String> op) {
            return new Function(name, Signature.of(name, "p"), (args, call) -> new Str(op.apply(pathArg(args.get("p"),
                    name))));
        }

        private static String pathArg(ManifestValue v, String function) {
            if (v instanceof Str s) {
                return s.text();
            }
            throw EvalFailure.typeError(function + "() argument must be str, not '" + v.typeName() + "'");
        }

        @Override
        public ManifestValue attribute(String name) {
            return functions.get(name);
        }

        @Override
        public String typeName() {
            return "module";
        }
    }
}
