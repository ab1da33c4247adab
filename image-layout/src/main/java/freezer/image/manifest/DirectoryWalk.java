package freezer.image.manifest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
    private record Listing(List<String> dirnames, List<String> filenames, Set<String> links, Object identity) {
    }

    /** A link loop met while following links (os.walk would recurse until the path got too long). */
    static final class LoopException extends Exception {
        private static final long serialVersionUID = 1L;

        LoopException(String dirpath) {
            super(dirpath);
        }
    }

    private final Map<String, Listing> listings = new HashMap<>();

    /** What to do with each folder of a walk. */
    @FunctionalInterface
    interface Visitor {
        /** Returns true to stop the walk here (os.walk is lazy: a caller may stop early). */
        boolean visit(Step step);
    }

    /**
     * Walks {@code top} (a path string relative to {@code cwd}, or absolute).
     *
     * @param followLinks whether to descend into links to folders (os.walk's followlinks)
     */
    List<Step> walk(String top, String cwd, boolean followLinks) throws LoopException {
        List<Step> steps = new ArrayList<>();
        walk(top, cwd, followLinks, step -> {
            steps.add(step);
            return false;
        });
        return steps;
    }

    /** Walks {@code top} until the visitor stops it; returns whether it did. */
    boolean walk(String top, String cwd, boolean followLinks, Visitor visitor) throws LoopException {
        return walk(top, PosixPath.abspath(top, cwd), followLinks, new HashSet<>(), visitor);
    }

    /** @param absolute the folder's absolute path, normalised (each level adds one plain name) */
    private boolean walk(String dirpath, String absolute, boolean followLinks, Set<Object> open, Visitor visitor)
            throws LoopException {
        Listing listing = list(absolute);
        if (listing == null) {
            // os.walk without onerror: a folder it cannot list is skipped silently
            return false;
        }
        // only links can make a loop, and only a walk that follows them meets one
        Object identity = followLinks ? listing.identity() : null;
        if (identity != null && !open.add(identity)) {
            throw new LoopException(dirpath);
        }
        if (visitor.visit(new Step(dirpath, listing.dirnames(), listing.filenames()))) {
            return true;
        }
        for (String name : listing.dirnames()) {
            if ((followLinks || !listing.links().contains(name))
                    && walk(PosixPath.join(dirpath, name), absolute.equals("/") ? "/" + name : absolute + "/" + name,
                            followLinks, open, visitor)) {
                return true;
            }
        }
        if (identity != null) {
            open.remove(identity);
        }
        return false;
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
        Object identity;
        try {
            dir = Path.of(absolute);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path e : entries) {
                    names.add(e.getFileName().toString());
                }
            }
            // the folder itself (device and inode), whatever path reached it
            identity = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        names.sort(CodePointOrder.INSTANCE);
        List<String> dirnames = new ArrayList<>();
        List<String> filenames = new ArrayList<>();
        Set<String> links = new HashSet<>();
        for (String name : names) {
            Path p = dir.resolve(name);
            boolean isDir;
            boolean isLink;
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                isLink = a.isSymbolicLink();
                // os.walk's entry.is_dir() follows links
                isDir = isLink ? Files.isDirectory(p) : a.isDirectory();
            } catch (IOException | RuntimeException e) {
                isDir = false;
                isLink = false;
            }
            if (isDir) {
                dirnames.add(name);
                if (isLink) {
                    links.add(name);
                }
            } else {
                filenames.add(name);
            }
        }
        return new Listing(List.copyOf(dirnames), List.copyOf(filenames), links, identity);
    }
}
