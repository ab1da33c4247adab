package freezer.cli;

import freezer.image.manifest.ManifestEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the last freeze into a build folder was made from, so that a rebuild with nothing changed
 * stops after resolving the manifests: a digest of the settings, the header and every frozen
 * file's bytes, the output file's size and modification time when it was written, and the
 * warnings it printed (printed again). Kept in {@code BUILD/freezer-cache/output.stamp}.
 */
final class FreezeStamp {
    private static final String FILE = "output.stamp";

    private final Path file;
    private final Caller caller;

    FreezeStamp(Path buildDir, Caller caller) {
        this.file = buildDir.resolve(FreezeCache.FOLDER).resolve(FILE);
        this.caller = caller;
    }

    /** The digest of one freeze's inputs: the settings' text, the header's bytes, each entry and its file's bytes. */
    static String digest(String settings, byte[] header, List<ManifestEntry> entries) throws IOException {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(d, settings);
        update(d, Integer.toString(header.length));
        d.update(header);
        for (ManifestEntry e : entries) {
            update(d, e.kind() + "\0" + e.source() + "\0" + e.target() + "\0" + e.opt() + "\0" + e.version() + "\0"
                    + e.maxRom());
            byte[] content = Files.readAllBytes(e.source());
            update(d, Integer.toString(content.length));
            d.update(content);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static void update(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(b);
    }

    /**
     * The warnings of the freeze that wrote the output, if that freeze had this digest and the
     * output is still as it left it; null otherwise.
     */
    List<String> unchanged(String digest, Path output) {
        try {
            if (!Files.isRegularFile(file) || !Files.isRegularFile(output)) {
                return null;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(digest) || !lines.get(1).equals(describe(output))) {
                return null;
            }
            return lines.subList(2, lines.size());
        } catch (IOException e) {
            return null;
        }
    }

    /** Records a freeze that wrote (or found unchanged) its output. */
    void record(String digest, Path output, List<String> warnings) {
        List<String> lines = new ArrayList<>();
        lines.add(digest);
        try {
            lines.add(describe(output));
            lines.addAll(warnings);
            caller.createDirectories(file.getParent());
            AtomicFiles.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                    caller.newFileMode());
        } catch (IOException e) {
            // without a stamp the next rebuild takes the long way, nothing worse
        }
    }

    /** Forgets the last freeze (after a failed one). */
    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale stamp is checked against the output's size and time anyway
        }
    }

    private static String describe(Path output) throws IOException {
        return output.toAbsolutePath() + "\0" + Files.size(output) + "\0" + Files.getLastModifiedTime(output).toMillis();
    }
}
