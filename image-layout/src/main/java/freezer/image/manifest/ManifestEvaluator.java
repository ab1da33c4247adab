package freezer.image.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Resolves manifests to the files they freeze, as makemanifest.py does with tools/manifestfile.py
 * in freeze mode, without executing them: manifest.py files and manifest code are parsed and
 * evaluated by {@link ManifestInterpreter}, JSON manifests read by {@link JsonManifest}. All
 * inputs share one evaluation (a manifest included by two of them is read once; metadata set at
 * the top level applies to every top-level file).
 *
 * <p>Reads manifests and lists folders; writes nothing.
 */
public final class ManifestEvaluator {
    private final PathVariables variables;
    private final Path cwd;

    /**
     * @param variables the {@code $(NAME)} path variables
     * @param cwd the folder relative paths on the command line (and in manifest code) start from
     */
    public ManifestEvaluator(PathVariables variables, Path cwd) {
        this.variables = variables;
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    /** The files these inputs freeze, in order; a {@link ManifestError} for the first fault. */
    public Manifest evaluate(List<ManifestInput> inputs) {
        ManifestFile state = new ManifestFile(variables, cwd.toString());
        OptionalLong maxRom = OptionalLong.empty();
        for (ManifestInput input : inputs) {
            Path where = input instanceof ManifestInput.File f ? f.path()
                    : input instanceof ManifestInput.Json j ? j.path() : ManifestOrigin.CODE;
            try {
                if (input instanceof ManifestInput.File f) {
                    state.executeFile(f.path().toString());
                } else if (input instanceof ManifestInput.Code c) {
                    state.executeCode(c.code());
                } else {
                    JsonManifest json = JsonManifest.read(((ManifestInput.Json) input).path(), variables, cwd);
                    state.add(json.files());
                    maxRom = min(maxRom, json.maxRom());
                }
            } catch (EvalFailure f) {
                // a fault outside any manifest's text: a bad path or variable on the command line
                throw new ManifestError(f.kind(), f.getMessage(), new ManifestOrigin(where, 0, 0));
            }
        }
        List<ManifestEntry> entries = new ArrayList<>();
        for (FileCollector.Pending p : state.files()) {
            entries.add(p.toEntry());
        }
        return new Manifest(entries, maxRom);
    }

    /** Both budgets hold when the smaller one does. */
    private static OptionalLong min(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
    }
}
