package freezer.image.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Path strings as CPython's posixpath module treats them. The manifest API builds module names
 * and file paths with {@code os.path.join}, {@code abspath} and {@code relpath}, and those strings
 * end up in the firmware (a frozen module's name, a prebuilt .mpy's path in a C comment), so
 * freezer computes them with the same string rules rather than with {@link java.nio.file.Path},
 * which normalises differently.
 */
final class PosixPath {
    private PosixPath() {
    }

    static boolean isAbsolute(String p) {
        return p.startsWith("/");
    }

    /** os.path.join: a later absolute part restarts the path; a separator is added only when missing. */
    static String join(String first, String... more) {
        StringBuilder path = new StringBuilder(first);
        for (String b : more) {
            if (b.startsWith("/")) {
                path.setLength(0);
                path.append(b);
            } else if (path.length() == 0 || path.charAt(path.length() - 1) == '/') {
                path.append(b);
            } else {
                path.append('/').append(b);
            }
        }
        return path.toString();
    }

    /** os.path.normpath: drops empty and "." parts and folds "..", keeping posix's leading "//". */
    static String normpath(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        int initialSlashes = 0;
        if (path.startsWith("/")) {
            // posix keeps exactly two leading slashes (implementation-defined), folds three or more
            initialSlashes = path.startsWith("//") && !path.startsWith("///") ? 2 : 1;
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!part.equals("..") || (initialSlashes == 0 && parts.isEmpty())
                    || (!parts.isEmpty() && parts.get(parts.size() - 1).equals(".."))) {
                parts.add(part);
            } else if (!parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            }
        }
        String joined = String.join("/", parts);
        String result = "/".repeat(initialSlashes) + joined;
        return result.isEmpty() ? "." : result;
    }

    /** os.path.abspath, with {@code cwd} standing in for the process's current directory. */
    static String abspath(String path, String cwd) {
        return normpath(isAbsolute(path) ? path : join(cwd, path));
    }

    /** os.path.relpath(path, start), both taken relative to {@code cwd}. */
    static String relpath(String path, String start, String cwd) {
        List<String> startParts = nonEmptyParts(abspath(start, cwd));
        List<String> pathParts = nonEmptyParts(abspath(path, cwd));
        int common = 0;
        while (common < startParts.size() && common < pathParts.size()
                && startParts.get(common).equals(pathParts.get(common))) {
            common++;
        }
        List<String> rel = new ArrayList<>();
        for (int i = common; i < startParts.size(); i++) {
            rel.add("..");
        }
        rel.addAll(pathParts.subList(common, pathParts.size()));
        return rel.isEmpty() ? "." : String.join("/", rel);
    }

    private static List<String> nonEmptyParts(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    /** os.path.dirname: everything before the last separator, trailing separators dropped unless all. */
    static String dirname(String p) {
        int i = p.lastIndexOf('/') + 1;
        String head = p.substring(0, i);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
            int end = head.length();
            while (end > 0 && head.charAt(end - 1) == '/') {
                end--;
            }
            head = head.substring(0, end);
        }
        return head;
    }

    /** os.path.basename: everything after the last separator. */
    static String basename(String p) {
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * The extension os.path.splitext finds: from the last dot of the last part, unless that part
     * is only dots up to it (".py" and "..py" have no extension).
     */
    static String extension(String p) {
        int sep = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > sep) {
            for (int i = sep + 1; i < dot; i++) {
                if (p.charAt(i) != '.') {
                    return p.substring(dot);
                }
            }
        }
        return "";
    }

    /** Whether the extension is {@code ext} (lower case, with its dot), ignoring case as upstream's ext.lower(). */
    static boolean hasExtension(String p, String ext) {
        return extension(p).toLowerCase(java.util.Locale.ROOT).equals(ext);
    }
}
