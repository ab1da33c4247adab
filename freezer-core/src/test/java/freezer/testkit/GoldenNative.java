package freezer.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden data of native code, as {@code ../shared/golden/native/README.md} describes it:
 * {@code native/<arch>/} (programs of {@code native/src} compiled per architecture, and a
 * {@code REJECTED} list), {@code native-emit/<arch>[.viper]/} (every {@code compile/ok} program
 * compiled whole with {@code -X emit=native} or {@code viper}, and a {@code REJECTED} list),
 * {@code native/bad} (native-specific errors) and {@code native/aborts} (where mpy-cross crashes).
 * Case ids are golden paths relative to {@code golden/}.
 */
public final class GoldenNative {
    /** The REJECTED entry of a program mpy-cross crashed on. */
    public static final String ABORTED = "mpy-cross aborted (exit 134)";

    private GoldenNative() {
    }

    public static Path nativeRoot() {
        return Shared.golden("native");
    }

    public static Path emitRoot() {
        return Shared.golden("native-emit");
    }

    /**
     * An architecture label: a {@code -march} name, or {@code rv32imc-zba-zcmp} for
     * {@code -march=rv32imc -march-flags=zba,zcmp}.
     */
    public record Arch(String label) {
        /** mpy-cross's options for this label. */
        public List<String> flags() {
            String[] parts = label.split("-");
            List<String> f = new ArrayList<>(List.of("-march=" + parts[0]));
            if (parts.length > 1) {
                f.add("-march-flags=" + String.join(",", List.of(parts).subList(1, parts.length)));
            }
            return f;
        }
    }

    /** The architecture labels: the folders of {@code native/} other than src, bad and aborts. */
    public static List<Arch> archs() {
        List<Arch> out = new ArrayList<>();
        for (Path p : list(nativeRoot())) {
            String n = p.getFileName().toString();
            if (Files.isDirectory(p) && !n.equals("src") && !n.equals("bad") && !n.equals("aborts")) {
                out.add(new Arch(n));
            }
        }
        if (out.size() != 13) {
            throw new IllegalStateException("expected the 13 architecture labels of the README, found " + out);
        }
        return out;
    }

    /** One compile mpy-cross made: the source, its flags, and the file it wrote. */
    public record Compiled(String id, Path source, List<String> args, Path expected) {
    }

    /** One compile mpy-cross refused: the source, its flags, and its error ({@link #ABORTED} for a crash). */
    public record Refused(String id, Path source, List<String> args, String error) {
        public boolean aborted() {
            return error.equals(ABORTED);
        }
    }

    private static List<String> args(Arch arch, List<String> more, String sourceName) {
        List<String> args = new ArrayList<>(arch.flags());
        args.addAll(more);
        args.add(sourceName);
        return args;
    }

    /** {@code native/<arch>/<name>.mpy}, for each program an architecture accepts. */
    public static List<Compiled> programs(Arch arch) {
        List<Compiled> out = new ArrayList<>();
        Path dir = nativeRoot().resolve(arch.label());
        for (Path mpy : list(dir)) {
            String file = mpy.getFileName().toString();
            if (file.endsWith(".mpy")) {
                String name = file.substring(0, file.length() - 4);
                out.add(new Compiled("native/" + arch.label() + "/" + file, nativeRoot().resolve("src/" + name + ".py"),
                        args(arch, List.of(), name + ".py"), mpy));
            }
        }
        return out;
    }

    /** {@code native/<arch>/REJECTED}. */
    public static List<Refused> refusedPrograms(Arch arch) {
        List<Refused> out = new ArrayList<>();
        for (String[] e : rejected(nativeRoot().resolve(arch.label()).resolve("REJECTED"))) {
            out.add(new Refused("native/" + arch.label() + "/REJECTED/" + e[0], nativeRoot().resolve("src/" + e[0]),
                    args(arch, List.of(), e[0]), e[1]));
        }
        return out;
    }

    /** The {@code native-emit} folder of an architecture, for native or viper code. */
    public static String emitFolder(Arch arch, boolean viper) {
        return arch.label() + (viper ? ".viper" : "");
    }

    /** {@code native-emit/<arch>[.viper]/<group>/<name>.mpy}. */
    public static List<Compiled> wholeModules(Arch arch, boolean viper) {
        String folder = emitFolder(arch, viper);
        Path dir = emitRoot().resolve(folder);
        List<String> emit = List.of("-X", "emit=" + (viper ? "viper" : "native"));
        List<Compiled> out = new ArrayList<>();
        for (Path group : list(dir)) {
            if (!Files.isDirectory(group)) {
                continue;
            }
            String g = group.getFileName().toString();
            for (Path mpy : list(group)) {
                String file = mpy.getFileName().toString();
                if (file.endsWith(".mpy")) {
                    String name = file.substring(0, file.length() - 4);
                    out.add(new Compiled("native-emit/" + folder + "/" + g + "/" + file,
                            GoldenCompile.root().resolve("ok/" + g + "/" + name + ".py"), args(arch, emit, name + ".py"),
                            mpy));
                }
            }
        }
        return out;
    }

    /** {@code native-emit/<arch>[.viper]/REJECTED}. */
    public static List<Refused> refusedModules(Arch arch, boolean viper) {
        String folder = emitFolder(arch, viper);
        List<String> emit = List.of("-X", "emit=" + (viper ? "viper" : "native"));
        List<Refused> out = new ArrayList<>();
        for (String[] e : rejected(emitRoot().resolve(folder).resolve("REJECTED"))) {
            Path source = GoldenCompile.root().resolve("ok/" + e[0]);
            String name = source.getFileName().toString();
            out.add(new Refused("native-emit/" + folder + "/REJECTED/" + e[0], source, args(arch, emit, name), e[1]));
        }
        return out;
    }

    /** A program of {@code native/bad} and the error mpy-cross gave. */
    public record Bad(String id, Path source, Arch arch, GoldenCompile.ExpectedError error) {
        public String sourceName() {
            return source.getFileName().toString();
        }
    }

    public static List<Bad> bad() {
        List<Bad> out = new ArrayList<>();
        Path dir = nativeRoot().resolve("bad");
        for (Path py : list(dir)) {
            String file = py.getFileName().toString();
            if (file.endsWith(".py")) {
                String name = file.substring(0, file.length() - 3);
                String err = GoldenCompile.read(dir.resolve(name + ".err"));
                if (!err.startsWith("exit 1\n")) {
                    throw new IllegalStateException(name + ".err does not start with the exit status");
                }
                out.add(new Bad("native/bad/" + name + ".err", py, marchLine(py),
                        GoldenCompile.ExpectedError.parse(err.substring("exit 1\n".length()))));
            }
        }
        return out;
    }

    /** A program of {@code native/aborts}: where mpy-cross crashes, and the line of the construct. */
    public record Abort(String id, Path source, Arch arch, int line, String assertion) {
        public String sourceName() {
            return source.getFileName().toString();
        }
    }

    public static List<Abort> aborts() {
        List<Abort> out = new ArrayList<>();
        Path dir = nativeRoot().resolve("aborts");
        for (Path py : list(dir)) {
            String file = py.getFileName().toString();
            if (file.endsWith(".py")) {
                String name = file.substring(0, file.length() - 3);
                List<String> lines = GoldenCompile.read(py).lines().toList();
                int here = 0;
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).endsWith("# here")) {
                        here = i + 1;
                    }
                }
                if (here == 0) {
                    throw new IllegalStateException(file + " marks no line with '# here'");
                }
                out.add(new Abort("native/aborts/" + name + ".abort", py, marchLine(py), here,
                        GoldenCompile.read(dir.resolve(name + ".abort")).strip()));
            }
        }
        return out;
    }

    /** The architecture a {@code bad} or {@code aborts} program names on its first line. */
    private static Arch marchLine(Path py) {
        String first = GoldenCompile.read(py).lines().findFirst().orElse("");
        if (!first.startsWith("# march: ")) {
            throw new IllegalStateException(py + " does not start with '# march: <arch>'");
        }
        return new Arch(first.substring("# march: ".length()).strip());
    }

    /** The tab-separated lines of a REJECTED file (none when it is absent). */
    private static List<String[]> rejected(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String[]> out = new ArrayList<>();
        for (String line : GoldenCompile.read(file).lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException(file + ": not NAME<tab>ERROR: " + line);
            }
            out.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
