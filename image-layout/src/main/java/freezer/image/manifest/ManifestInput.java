package freezer.image.manifest;

import java.nio.file.Path;

/**
 * One manifest given on the command line, by makemanifest.py's rule: a path ending in
 * {@code .py} is a manifest file, anything else is manifest code run in the current folder
 * (the qemu port passes {@code "require('unittest'); freeze('test-frzmpy', ...)"}); freezer adds
 * a path ending in {@code .json}: its JSON manifest form (docs/manifest.md).
 */
public sealed interface ManifestInput {
    /** A manifest.py file. */
    record File(Path path) implements ManifestInput {
    }

    /** Manifest code. */
    record Code(String code) implements ManifestInput {
    }

    /** A JSON manifest. */
    record Json(Path path) implements ManifestInput {
    }

    /** The input an argument names. */
    static ManifestInput of(String argument) {
        if (argument.endsWith(".py")) {
            return new File(Path.of(argument));
        } else if (argument.endsWith(".json")) {
            return new Json(Path.of(argument));
        }
        return new Code(argument);
    }
}
