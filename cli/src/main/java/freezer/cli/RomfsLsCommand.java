package freezer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import freezer.core.NativeArch;
import freezer.core.mpy.CompiledModule;
import freezer.core.mpy.LoadCheck;
import freezer.core.mpy.MpyFormatException;
import freezer.core.mpy.MpyInfo;
import freezer.core.mpy.MpyReader;
import freezer.image.romfs.RomfsContents;
import freezer.image.romfs.RomfsEntry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer romfs ls IMAGE}: every entry of an image with where its bytes are, and for
 * .mpy entries what {@code freezer info} says of them (and whether a target loads them).
 */
@Command(name = "ls", sortOptions = false,
        description = {"List a ROMFS image (raw, or inside an Intel HEX or UF2 file): each entry's offset and size in"
            + " the image (a file's data; a directory's record) and path; for .mpy files their version, architecture"
            + " and, with --arch/--small-int-bits, whether such a target loads them.",
            "Exit 1 when the image is broken, or a .mpy in it does not read or does not load."})
final class RomfsLsCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Parameters(arity = "1", paramLabel = "IMAGE", description = "the image ('-' for standard input)")
    private String image;

    @Option(names = "--json", description = "one JSON object: the image and its entries (docs/romfs.md)")
    private boolean json;

    @Option(names = "--arch", paramLabel = "A", converter = InfoCommand.ArchConverter.class,
            description = "the target's native architecture, as for freezer info")
    private NativeArch arch;

    @Option(names = "--small-int-bits", paramLabel = "N",
            description = "the target's MP_SMALL_INT_BITS, as for freezer info")
    private int smallIntBits;

    @CommandLine.ParentCommand
    private RomfsCommand parent;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** What an .mpy entry holds, or why it does not read. */
    private record MpyFacts(MpyInfo info, LoadCheck.Verdict verdict, MpyFormatException error, long base,
            long moduleLength, long trailingBytes) {
        boolean bad() {
            return error != null || verdict != null && verdict.outcome() == LoadCheck.Outcome.DOES_NOT_LOAD;
        }
    }

    @Override
    public Integer call() {
        StdStreams io = parent.io;
        if (spec.commandLine().getParseResult().hasMatchedOption("--small-int-bits")
                && (smallIntBits < 1 || smallIntBits > 255)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--small-int-bits must be between 1 and 255, not " + smallIntBits);
        }
        RomfsInput.Image img;
        try {
            img = RomfsInput.read(image, io.in());
        } catch (RomfsInput.Unreadable e) {
            io.err().println(e.getMessage());
            io.err().flush();
            return Main.FAILED;
        }
        LoadCheck.Target target = arch != null || smallIntBits > 0 ? new LoadCheck.Target(arch, smallIntBits) : null;
        RomfsContents c = img.contents();
        MpyFacts[] facts = new MpyFacts[c.entries().size()];
        boolean bad = false;
        for (int i = 0; i < facts.length; i++) {
            RomfsEntry e = c.entries().get(i);
            if (!e.isDirectory() && e.path().endsWith(".mpy")) {
                facts[i] = mpyFacts(img.bytes(), e, target);
                bad |= facts[i].bad();
                if (facts[i].trailingBytes() > 0) {
                    long n = facts[i].trailingBytes();
                    io.err().println(img.name() + ": " + e.path() + ": offset " + (e.dataOffset() + facts[i].moduleLength())
                            + ": warning: " + n + (n == 1 ? " byte follows" : " bytes follow")
                            + " the end of the module; MicroPython ignores them");
                }
            }
        }
        String text = json ? json(img, facts, target) : text(img, facts, target);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        io.out().write(bytes, 0, bytes.length);
        io.out().flush();
        return bad ? Main.FAILED : Main.OK;
    }

    private static MpyFacts mpyFacts(byte[] image, RomfsEntry e, LoadCheck.Target target) {
        byte[] data = Arrays.copyOfRange(image, (int) e.dataOffset(), (int) (e.dataOffset() + e.dataSize()));
        try {
            MpyReader.MpyFile file = MpyReader.readFile(data);
            CompiledModule m = file.module();
            return new MpyFacts(MpyInfo.of(m, data.length), target == null ? null : LoadCheck.check(m.header(), target),
                    null, e.dataOffset(), file.moduleLength(), file.trailingBytes());
        } catch (MpyFormatException x) {
            return new MpyFacts(null, null, x, e.dataOffset(), 0, 0);
        }
    }

    private static String where(RomfsInput.Image img) {
        return img.address() == null ? "" : String.format(" at 0x%08x (in a %s file)", img.address(),
                img.flash().format().name());
    }

    private static String text(RomfsInput.Image img, MpyFacts[] facts, LoadCheck.Target target) {
        RomfsContents c = img.contents();
        StringBuilder sb = new StringBuilder();
        sb.append(img.name()).append(": ROMFS image").append(where(img)).append(", ").append(c.size())
                .append(" bytes: ").append(c.files()).append(" files, ").append(c.directories()).append(" directories");
        if (c.trailingSize() > 0) {
            sb.append(", then ").append(c.trailingSize()).append(" bytes that are not part of it");
        }
        sb.append('\n');
        sb.append(String.format("%10s %10s  %s%n", "offset", "size", "path"));
        for (int i = 0; i < c.entries().size(); i++) {
            RomfsEntry e = c.entries().get(i);
            if (e.isDirectory()) {
                sb.append(String.format("%10d %10d  %s/%n", e.recordOffset(), e.recordSize(), e.path()));
                continue;
            }
            sb.append(String.format("%10d %10d  %s", e.dataOffset(), e.dataSize(), e.path()));
            if (facts[i] != null) {
                sb.append("  ").append(describe(facts[i], target));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String describe(MpyFacts f, LoadCheck.Target target) {
        if (f.error() != null) {
            return "(not a valid .mpy: offset " + (f.base() + f.error().offset()) + ": " + f.error().problem() + ")";
        }
        MpyInfo i = f.info();
        StringBuilder sb = new StringBuilder("(.mpy v").append(i.version());
        if (i.subVersion() >= 0) {
            sb.append('.').append(i.subVersion());
        }
        sb.append(", ").append(i.arch() == NativeArch.NONE ? "bytecode" : i.arch().marchName() + " code")
                .append(", small-int bits ").append(i.smallIntBits());
        if (f.trailingBytes() > 0) {
            sb.append(", then ").append(f.trailingBytes()).append(" bytes that are not part of it");
        }
        if (f.verdict() != null) {
            sb.append("; on ").append(target.describe()).append(": ");
            switch (f.verdict().outcome()) {
                case LOADS:
                    sb.append("loads");
                    break;
                case DEPENDS:
                    sb.append("may load");
                    break;
                default:
                    sb.append("does not load");
                    break;
            }
            for (String p : f.verdict().problems()) {
                sb.append("; ").append(p);
            }
        }
        return sb.append(')').toString();
    }

    private static String json(RomfsInput.Image img, MpyFacts[] facts, LoadCheck.Target target) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        RomfsContents c = img.contents();
        ObjectNode root = mapper.createObjectNode();
        root.put("image", img.name());
        root.put("container", img.flash() == null ? "bin" : img.flash().format().name().toLowerCase(Locale.ROOT));
        if (img.address() != null) {
            root.put("address", img.address());
        } else {
            root.putNull("address");
        }
        root.put("size", c.size());
        root.put("headerSize", c.headerSize());
        root.put("trailingSize", c.trailingSize());
        root.put("files", c.files());
        root.put("directories", c.directories());
        ArrayNode entries = root.putArray("entries");
        for (int i = 0; i < c.entries().size(); i++) {
            RomfsEntry e = c.entries().get(i);
            ObjectNode o = entries.addObject();
            o.put("path", e.path());
            o.put("kind", e.isDirectory() ? "directory" : "file");
            o.put("depth", e.depth());
            o.put("offset", e.isDirectory() ? e.recordOffset() : e.dataOffset());
            o.put("size", e.isDirectory() ? e.recordSize() : e.dataSize());
            o.put("recordOffset", e.recordOffset());
            o.put("recordSize", e.recordSize());
            o.put("headerSize", e.headerSize());
            if (facts[i] != null) {
                o.set("mpy", mpyJson(mapper, facts[i], target));
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode mpyJson(ObjectMapper mapper, MpyFacts f, LoadCheck.Target target) {
        ObjectNode o = mapper.createObjectNode();
        if (f.error() != null) {
            ObjectNode err = o.putObject("error");
            err.put("offset", f.base() + f.error().offset());
            err.put("problem", f.error().problem());
            return o;
        }
        MpyInfo i = f.info();
        o.put("version", i.version());
        if (i.subVersion() >= 0) {
            o.put("subVersion", i.subVersion());
        } else {
            o.putNull("subVersion");
        }
        o.put("arch", i.arch() == NativeArch.NONE ? "none" : i.arch().marchName());
        o.put("archFlags", i.archFlags());
        o.put("smallIntBits", i.smallIntBits());
        o.put("functions", i.functions());
        o.put("qstrs", i.qstrs());
        o.put("constants", i.constants());
        o.put("bytecodeBytes", i.bytecodeBytes());
        o.put("machineCodeBytes", i.machineCodeBytes());
        o.put("trailingBytes", f.trailingBytes());
        if (f.verdict() != null) {
            o.put("target", target.describe());
            o.put("loads", f.verdict().outcome() == LoadCheck.Outcome.LOADS ? "yes"
                    : f.verdict().outcome() == LoadCheck.Outcome.DEPENDS ? "depends" : "no");
            ArrayNode problems = o.putArray("problems");
            f.verdict().problems().forEach(problems::add);
        }
        return o;
    }
}
