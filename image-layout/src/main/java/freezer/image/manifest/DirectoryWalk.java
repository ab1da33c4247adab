package freezer.image.manifest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * os.walk, top-down, with each folder's entries sorted by code point. Upstream lists folders in
 * readdir order, which differs between file systems; the golden outputs were made with sorted
 * walks, and sorted is the only order that gives every machine the same firmware.
 *
 * <p>As os.walk: a folder's subfolders are the entries that are folders after following links;
 * everything else (files, links to files, broken links) is a file; a folder that cannot be listed
 * yields nothing. One instance lists each folder once: {@code require()} walks the same library
 * folders again for every package.
 */
final class DirectoryWalk {
    /** One folder: its path as os.walk spells it ({@code top}, then joined names), its subfolders and files. */
    record Step(String dirpath, List<String> dirnames, List<String> filenames) {
    }

    /** A folder's sorted entries, split as os.walk splits them; null when it cannot be listed. */
    private record Listing(List<String> dirnames, List<String> filenames, Set<String> links, Path real) {
    }

    /** A link loop met while following links (os.walk would recurse until the path got too long). */
    static final class LoopException extends Exception {
        private static final long serialVersionUID = 1L;

        LoopException(String dirpath) {
            super(dirpath);
        }
    }

    private final Map<String, Listing> listings = new HashMap<>();

    /**
     * Walks {@code top} (a path string relative to {@code cwd}, or absolute).
     *
     * @param followLinks whether to descend into links to folders (os.walk's followlinks)
     */
    List<Step> walk(String top, String cwd, boolean followLinks) throws LoopException {
        List<Step> steps = new ArrayList<>();
        walk(top, cwd, followLinks, new HashSet<>(), steps);
        return steps;
    }

    private void walk(String dirpath, String cwd, boolean followLinks, Set<Path> open, List<Step> steps)
            throws LoopException {
        Listing listing = list(PosixPath.abspath(dirpath, cwd));
        if (listing == null) {
            // os.walk without onerror: a folder it cannot list is skipped silently
            return;
        }
        if (!open.add(listing.real())) {
            throw new LoopException(dirpath);
        }
        steps.add(new Step(dirpath, listing.dirnames(), listing.filenames()));
        for (String name : listing.dirnames()) {
            if (followLinks || !listing.links().contains(name)) {
                walk(PosixPath.join(dirpath, name), cwd, followLinks, open, steps);
            }
        }
        open.remove(listing.real());
    }

    private Listing list(String absolute) {
        if (listings.containsKey(absolute)) {
            return listings.get(absolute);
        }
        Listing listing = read(absolute);
        listings.put(absolute, listing);
        return listing;
    }

    private static Listing read(String absolute) {
        Path dir;
        List<String> names = new ArrayList<>();
        Path real;
        try {
            dir = Path.of(absolute);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path e : entries) {
                    names.add(e.getFileName().toString());
                }
            }
            real = dir.toRealPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        names.sort(CodePointOrder.INSTANCE);
        List<String> dirnames = new ArrayList<>();
        List<String> filenames = new ArrayList<>();
        Set<String> links = new HashSet<>();
        for (String name : names) {
            Path p = dir.resolve(name);
            if (Files.isDirectory(p)) {
                dirnames.add(name);
                if (Files.isSymbolicLink(p)) {
                    links.add(name);
                }
            } else {
                filenames.add(name);
            }
        }
        return new Listing(List.copyOf(dirnames), List.copyOf(filenames), links, real);
    }
}
