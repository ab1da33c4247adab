package freezer.cli;

import freezer.core.ByteStrings;
import freezer.core.mpy.MpyFormatException;
import freezer.core.mpy.MpyReader;
import freezer.image.manifest.FreezeKind;
import freezer.image.manifest.JsonManifest;
import freezer.image.manifest.Manifest;
import freezer.image.manifest.ManifestEntry;
import freezer.image.manifest.ManifestError;
import freezer.image.manifest.ManifestEvaluator;
import freezer.image.manifest.ManifestInput;
import freezer.image.manifest.PathVariables;
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
 * {@code freezer manifest MANIFEST... [-v NAME=VALUE]... [--json]}: what manifests resolve to,
 * without compiling anything: each module's kind, optimisation level, frozen name and source,
 * as a table or as the JSON manifest form (docs/manifest.md), which {@code freezer freeze}
 * takes back.
 */
@Command(name = "manifest",
        description = {"Show what manifests freeze, in order, without compiling: manifest.py files, JSON manifests"
            + " (.json) or manifest code, as makemanifest.py reads them (docs/manifest.md). Manifests are read,"
            + " never executed. Exit 1 when a manifest is rejected."})
public final class ManifestCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = {"-v", "--var"}, paramLabel = "NAME=VALUE",
            description = "a path variable for $(NAME) in manifests (repeatable); a value naming an existing path"
                    + " becomes absolute, as makemanifest.py makes it")
    private List<String> vars = new ArrayList<>();

    @Option(names = "--json", description = "print the JSON manifest form instead of a table")
    private boolean json;

    @Parameters(arity = "1..*", paramLabel = "MANIFEST",
            description = "a manifest.py file, a .json manifest, or manifest code (anything else)")
    private List<String> manifests = new ArrayList<>();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Path cwd;

    public ManifestCommand() {
        this(System.out, System.err, Path.of(""));
    }

    /** @param cwd where relative manifest paths, variables and code start from */
    public ManifestCommand(PrintStream out, PrintStream err, Path cwd) {
        this.out = out;
        this.err = err;
        this.cwd = cwd.toAbsolutePath();
    }

    @Override
    public Integer call() {
        for (String v : vars) {
            if (v.indexOf('=') < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "-v/--var takes NAME=VALUE, not '" + v + "'");
            }
        }
        List<ManifestInput> inputs = manifests.stream().map(ManifestInput::of).toList();
        Manifest manifest;
        try {
            manifest = new ManifestEvaluator(PathVariables.fromAssignments(vars, cwd), cwd).evaluate(inputs);
        } catch (ManifestError e) {
            ManifestErrorReport.print(err, e, inputs);
            return Main.FAILED;
        }
        String text = json ? JsonManifest.write(manifest) : table(manifest);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.flush();
        return Main.OK;
    }

    /** One row per module, columns aligned, then a count. */
    static String table(Manifest manifest) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kind", "opt", "frozen name", "source", "notes"});
        int compiled = 0;
        int prebuilt = 0;
        int text = 0;
        for (ManifestEntry e : manifest.entries()) {
            List<String> notes = new ArrayList<>();
            String name = e.target();
            switch (e.kind()) {
                case COMPILE -> compiled++;
                case STR -> text++;
                case MPY -> {
                    prebuilt++;
                    name = embeddedName(e.source(), notes);
                }
            }
            if (e.version() != null && e.kind() == FreezeKind.COMPILE) {
                notes.add("version " + e.version());
            }
            e.maxRom().ifPresent(b -> notes.add("max-rom " + b));
            rows.add(new String[] {JsonManifest.kindName(e.kind()), e.kind() == FreezeKind.COMPILE ? "-O" + e.opt() : "-",
                name, e.source().toString(), String.join(", ", notes)});
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                line.append(r[i]);
                if (i < 4) {
                    line.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        b.append(manifest.entries().size()).append(manifest.entries().size() == 1 ? " module" : " modules")
                .append(": ").append(compiled).append(" compiled, ").append(prebuilt).append(" prebuilt .mpy, ")
                .append(text).append(" as source text");
        manifest.maxRom().ifPresent(m -> b.append("; max-rom ").append(m));
        return b.append('\n').toString();
    }

    /** The name a prebuilt .mpy freezes under: the source name stored in it. */
    private static String embeddedName(Path mpy, List<String> notes) {
        try {
            return ByteStrings.toText(MpyReader.read(Files.readAllBytes(mpy)).qstrs().get(0));
        } catch (IOException | MpyFormatException e) {
            notes.add("unreadable .mpy: " + e.getMessage());
            return "?";
        }
    }
}
