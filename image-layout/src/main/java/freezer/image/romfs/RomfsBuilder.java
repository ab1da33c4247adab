package freezer.image.romfs;

import freezer.core.CompileOptions;
import freezer.core.batch.BatchCompiler;
import freezer.core.batch.CompileJob;
import freezer.core.batch.CompileResult;
import freezer.core.batch.ModuleBatch;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.MpyWriter;
import freezer.image.frozenc.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns a source tree into the nodes of an image: files read, modules compiled on all cores
 * (the compiled model handed straight to MpyWriter, no file written anywhere), every problem
 * kept with its file, in tree order whatever order the workers finish in.
 */
public final class RomfsBuilder {
    private RomfsBuilder() {
    }

    /** A file of the tree and its path in the image. */
    private record Item(SourceNode node, String path) {
    }

    /** What became of one file: its bytes (and module, when compiled), or a problem. */
    private record Outcome(byte[] data, CompiledModule module, RomfsProblem problem) {
        static Outcome failed(RomfsProblem p) {
            return new Outcome(null, null, p);
        }
    }

    /**
     * @param options the compile options of modules that have none of their own; their source
     *     name is ignored (each module embeds its input path)
     */
    public static RomfsBuild build(List<SourceNode> root, CompileOptions options, BatchCompiler batch) {
        List<Item> items = new ArrayList<>();
        collect(root, "", items);
        CompileOptions common = options.withSourceName(null);
        List<Outcome> outcomes = batch.map(items, item -> produce(item.node(), common));
        List<RomfsProblem> problems = new ArrayList<>();
        List<RomfsBuild.Module> modules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.problem() != null) {
                problems.add(o.problem());
            } else if (o.module() != null) {
                modules.add(new RomfsBuild.Module(items.get(i).path(), o.module()));
            }
        }
        List<RomfsNode> nodes = problems.isEmpty() ? assemble(root, outcomes.iterator()) : List.of();
        return new RomfsBuild(nodes, modules, problems);
    }

    private static void collect(List<SourceNode> nodes, String prefix, List<Item> out) {
        for (SourceNode n : nodes) {
            if (n instanceof SourceNode.Directory d) {
                collect(d.entries(), prefix + d.name() + "/", out);
            } else {
                out.add(new Item(n, prefix + n.name()));
            }
        }
    }

    private static List<RomfsNode> assemble(List<SourceNode> nodes, Iterator<Outcome> outcomes) {
        List<RomfsNode> out = new ArrayList<>(nodes.size());
        for (SourceNode n : nodes) {
            if (n instanceof SourceNode.Directory d) {
                out.add(new RomfsNode.Directory(d.name(), assemble(d.entries(), outcomes)));
            } else {
                out.add(new RomfsNode.File(n.name(), outcomes.next().data()));
            }
        }
        return out;
    }

    /** Reads one file and, for a module, compiles it; never throws. */
    private static Outcome produce(SourceNode node, CompileOptions common) {
        if (node instanceof SourceNode.Copy c) {
            return read(c.file(), c.display());
        }
        SourceNode.Compile m = (SourceNode.Compile) node;
        Outcome read = read(m.file(), m.inputPath());
        if (read.problem() != null) {
            return read;
        }
        byte[] source = read.data();
        if (m.manifestText()) {
            try {
                source = SourceText.tagged(source, m.version());
            } catch (IllegalArgumentException e) {
                return Outcome.failed(new RomfsProblem.Source(m.inputPath(), "UnicodeDecodeError", e.getMessage()));
            }
        }
        // mpy-cross/main.c turns backslashes in the input path into slashes
        String inputPath = m.inputPath().replace('\\', '/');
        CompileOptions options = m.options() != null ? m.options() : common;
        CompileResult r = ModuleBatch.compileOne(new CompileJob(source, inputPath, options));
        if (r instanceof CompileResult.Rejected rej) {
            return Outcome.failed(new RomfsProblem.Rejected(m.inputPath(), rej.error(), source));
        }
        if (r instanceof CompileResult.Crashed c) {
            return Outcome.failed(new RomfsProblem.Crashed(m.inputPath(), c.cause()));
        }
        CompiledModule module = ((CompileResult.Compiled) r).module();
        try {
            return new Outcome(MpyWriter.write(module), module, null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Outcome.failed(new RomfsProblem.Crashed(m.inputPath(), e));
        }
    }

    private static Outcome read(java.nio.file.Path file, String display) {
        try {
            long size = Files.size(file);
            if (size > RomfsWriter.MAX_IMAGE_SIZE) {
                return Outcome.failed(RomfsProblem.Source.os(display, "too large for an image (" + size + " bytes)"));
            }
            return new Outcome(Files.readAllBytes(file), null, null);
        } catch (IOException e) {
            return Outcome.failed(RomfsProblem.Source.os(display, "can't read: " + SourceTree.reason(e)));
        }
    }
}
