package freezer.image.romfs;

import freezer.core.CompileOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * One entry of the tree an image is built from: where its bytes come from and what becomes of
 * them. {@code name} is the entry's name in the image.
 */
public sealed interface SourceNode {
    String name();

    /** A directory and its entries, in image order. */
    record Directory(String name, List<SourceNode> entries) implements SourceNode {
        public Directory {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A file stored as it is.
     *
     * @param display how messages name it ({@code tree/data/config.json})
     */
    record Copy(String name, Path file, String display) implements SourceNode {
    }

    /**
     * A module compiled to .mpy.
     *
     * @param name its name in the image ({@code main.mpy})
     * @param listedName the name it sorted by and upstream prints ({@code main.py})
     * @param inputPath the path mpy-cross would be given: messages name it and the .mpy embeds it
     * @param options compile options of its own (a manifest's, with its source name), or null for the
     *     build's (whose source name is the input path, as mpy-cross names a file given no -s)
     * @param manifestText whether the source is read as makemanifest.py hands it to mpy-cross
     *     (UTF-8 text, newlines made LF, {@code __version__} appended when {@code version} is set)
     *     instead of as bytes
     * @param version a manifest's {@code metadata(version=)} in force, or null
     */
    record Compile(String name, String listedName, Path file, String inputPath, CompileOptions options,
            boolean manifestText, String version) implements SourceNode {
    }
}
