package freezer.cli;

import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyFormatException;
import freezer.core.mpy.MpyReader;
import freezer.core.mpy.MpyWriter;
import freezer.image.frozenc.FreezePipeline;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code freezer freeze}'s cache under the build folder: each compiled module as a .mpy named
 * by the hash of everything its compile depends on (source after tagging, name, -O, mpy-cross
 * flags, freezer version). A module whose key is there is read back instead of compiled; after
 * a successful freeze, files no module used any more are deleted. A cache file that cannot be
 * read is compiled again.
 */
final class FreezeCache implements FreezePipeline.ModuleCache {
    static final String FOLDER = "freezer-cache";
    private static final String SUFFIX = ".mpy";

    private final Path dir;
    private final Caller caller;
    private final Set<String> used = new HashSet<>();

    FreezeCache(Path buildDir, Caller caller) {
        this.dir = buildDir.resolve(FOLDER);
        this.caller = caller;
    }

    private Path file(String key) {
        return dir.resolve(key + SUFFIX);
    }

    @Override
    public synchronized CompiledModule get(String key) {
        used.add(key);
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return MpyReader.read(Files.readAllBytes(f));
        } catch (IOException | MpyFormatException e) {
            return null;
        }
    }

    @Override
    public synchronized void put(String key, CompiledModule module) {
        used.add(key);
        try {
            caller.createDirectories(dir);
            AtomicFiles.write(file(key), MpyWriter.write(module), caller.newFileMode());
        } catch (IOException e) {
            // a cache that cannot be written only costs a compile next time
        }
    }

    /** Deletes the cached modules this freeze did not use (modules removed or changed since). */
    void pruneUnused() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!used.contains(name.substring(0, name.length() - SUFFIX.length()))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // stale cache files cost disk space only
        }
    }
}
