package freezer.image.romfs;

import freezer.core.CompileOptions;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyFormatException;
import freezer.core.mpy.MpyReader;
import freezer.image.manifest.FreezeKind;
import freezer.image.manifest.ManifestEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules a manifest resolves to, laid out as a ROMFS tree (beyond upstream): each at its
 * frozen name, a compiled module as {@code pkg/mod.mpy} (compiled with the manifest's
 * optimisation level and {@code __version__} tagging, embedding its frozen name as mpy-cross's
 * {@code -s} makes it), a {@code freeze_as_str} file as its {@code .py} source, a prebuilt .mpy
 * as it is, at the name embedded in it (mpy-tool.py freezes a .mpy under that name, whatever
 * the file is called, so that is the name code imports it by); each folder's entries in
 * make_romfs's order, a compiled module where its {@code .py} name sorts. So one manifest can
 * target frozen C or a ROMFS partition.
 */
public final class ManifestTree {
    private ManifestTree() {
    }

    /** A folder being filled: its subfolders and files by name in the image. */
    private static final class Folder {
        final Map<String, Folder> folders = new LinkedHashMap<>();
        final Map<String, SourceNode> files = new LinkedHashMap<>();
    }

    /**
     * @param describe what the listing names as the tree's origin ({@code manifest: boards/manifest.py})
     * @param options the build's compile options; each module's optimisation level and source
     *     name come from its entry
     * @param compile whether modules are compiled (else stored as their {@code .py} source)
     */
    public static SourceTree of(List<ManifestEntry> entries, String describe, CompileOptions options,
            boolean compile) {
        Folder root = new Folder();
        List<RomfsProblem> problems = new ArrayList<>();
        for (ManifestEntry e : entries) {
            String display = e.source().toString();
            String target = e.target();
            if (e.kind() == FreezeKind.MPY) {
                try {
                    target = embeddedName(e);
                } catch (IOException | MpyFormatException x) {
                    problems.add(RomfsProblem.Source.os(display, x instanceof MpyFormatException m
                            ? "offset " + m.offset() + ": " + m.problem() : "can't read: " + SourceTree.reason(
                                    (IOException) x)));
                    continue;
                }
            }
            String[] parts = target.split("/", -1);
            String bad = badTarget(target, parts);
            if (bad != null) {
                problems.add(new RomfsProblem.Source(display, RomfsNames.firstNonAscii(target) >= 0
                        ? "UnicodeEncodeError" : "ValueError", "frozen as '" + target + "': " + bad));
                continue;
            }
            Folder f = root;
            String path = "";
            boolean clash = false;
            for (int i = 0; i < parts.length - 1 && !clash; i++) {
                path += parts[i];
                if (f.files.containsKey(parts[i])) {
                    problems.add(RomfsProblem.Source.os(display, "frozen as '" + target + "', but " + path
                            + " is a file frozen before it"));
                    clash = true;
                }
                f = f.folders.computeIfAbsent(parts[i], k -> new Folder());
                path += "/";
            }
            if (clash) {
                continue;
            }
            SourceNode node = node(e, parts[parts.length - 1], options, compile, display);
            if (f.files.containsKey(node.name()) || f.folders.containsKey(node.name())) {
                problems.add(RomfsProblem.Source.os(display, "frozen as '" + path + node.name() + "', which an earlier"
                        + " entry of the manifest already is"));
                continue;
            }
            f.files.put(node.name(), node);
        }
        return new SourceTree(nodes(root), problems, "", describe);
    }

    private static SourceNode node(ManifestEntry e, String last, CompileOptions options, boolean compile,
            String display) {
        switch (e.kind()) {
            case COMPILE:
                if (!compile) {
                    return new SourceNode.Copy(last, e.source(), display);
                }
                String stem = last.endsWith(".py") ? last.substring(0, last.length() - ".py".length()) : last;
                String mpy = stem + ".mpy";
                CompileOptions own = options.withOptimisationLevel(e.opt()).withSourceName(e.target());
                return new SourceNode.Compile(mpy, last, e.source(), display, own, true, e.version());
            default:
                // freeze_as_str sources and prebuilt .mpy files are stored as they are
                return new SourceNode.Copy(last, e.source(), display);
        }
    }

    /**
     * Where a prebuilt .mpy goes: the source name embedded in it with {@code .py} made
     * {@code .mpy} (tools/mpy-tool.py freezes it under that name), or its manifest name when the
     * embedded one is not a relative path of a {@code .py} file.
     */
    private static String embeddedName(ManifestEntry e) throws IOException, MpyFormatException {
        CompiledModule m = MpyReader.read(Files.readAllBytes(e.source()));
        String name = m.qstrs().isEmpty() ? "" : m.qstrs().get(0);
        if (!name.endsWith(".py") || name.startsWith("/") || badTarget(name, name.split("/", -1)) != null) {
            return e.target();
        }
        return name.substring(0, name.length() - ".py".length()) + ".mpy";
    }

    /** Why a frozen name cannot be a path in an image, or null. */
    private static String badTarget(String target, String[] parts) {
        int at = RomfsNames.firstNonAscii(target);
        if (at >= 0) {
            return "ROMFS names must be ASCII, and this one has '" + target.substring(at, target.offsetByCodePoints(at, 1))
                    + "' at character " + at;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.equals(".") || p.equals("..")) {
                return "not a path of names (an empty, . or .. part)";
            }
        }
        return null;
    }

    /** A folder's entries in make_romfs's order: by name, a compiled module by its .py name. */
    private static List<SourceNode> nodes(Folder f) {
        List<SourceNode> out = new ArrayList<>();
        f.folders.forEach((name, sub) -> out.add(new SourceNode.Directory(name, nodes(sub))));
        out.addAll(f.files.values());
        out.sort((a, b) -> Arrays.compare(sortKey(a), sortKey(b)));
        return out;
    }

    private static byte[] sortKey(SourceNode n) {
        String name = n instanceof SourceNode.Compile c ? c.listedName() : n.name();
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
