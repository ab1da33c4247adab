package freezer.cli;

import freezer.image.manifest.ManifestError;
import freezer.image.manifest.ManifestInput;
import freezer.image.manifest.ManifestOrigin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * A rejected manifest as text on standard error: {@code MANIFEST:LINE:COLUMN: message}, the
 * manifest's line and a caret under the column, then one {@code included from} line per
 * include or require that led there. Shared by every command that evaluates manifests.
 */
final class ManifestErrorReport {
    private ManifestErrorReport() {
    }

    /**
     * @param inputs the command's manifest inputs: manifest code given as an argument is shown
     *     from there (it has no file)
     */
    static void print(PrintStream err, ManifestError e, List<ManifestInput> inputs) {
        ManifestOrigin o = e.origin();
        err.println(o + ": " + e.message());
        SourceExcerpt excerpt = SourceExcerpt.of(source(o, inputs), o.line(), o.column());
        if (excerpt != null) {
            err.println("    " + excerpt.text());
            if (excerpt.caret() != null) {
                err.println("    " + excerpt.caret());
            }
        }
        for (ManifestOrigin from : e.includedFrom()) {
            err.println("  included from " + from);
        }
        err.flush();
    }

    private static byte[] source(ManifestOrigin o, List<ManifestInput> inputs) {
        if (o.line() < 1) {
            return null;
        }
        if (o.manifest().equals(ManifestOrigin.CODE)) {
            // the first code argument is the best guess when several are given
            return inputs.stream().filter(i -> i instanceof ManifestInput.Code).findFirst()
                    .map(i -> ((ManifestInput.Code) i).code().getBytes(StandardCharsets.UTF_8)).orElse(null);
        }
        try {
            return Files.readAllBytes(o.manifest());
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }
}
