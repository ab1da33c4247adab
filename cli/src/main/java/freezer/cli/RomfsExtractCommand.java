package freezer.cli;

import freezer.image.romfs.RomfsEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer romfs extract IMAGE -o DIR}: the tree an image holds, written out. The tree is
 * made in a new folder beside DIR and renamed to DIR when whole, so a failure leaves nothing;
 * names that would climb out of DIR or cannot be file names are refused first.
 */
@Command(name = "extract", sortOptions = false,
        description = {"Write the files and directories of a ROMFS image (raw, or inside an Intel HEX or UF2 file)"
            + " into DIR, which must not exist or be empty. Nothing is written unless every entry can be."})
final class RomfsExtractCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Parameters(arity = "1", paramLabel = "IMAGE", description = "the image ('-' for standard input)")
    private String image;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the directory to create")
    private String output;

    @CommandLine.ParentCommand
    private RomfsCommand parent;

    /** One entry's place under the output directory. */
    private record Planned(RomfsEntry entry, List<String> names) {
    }

    /** An entry that cannot be written as a file name. */
    private static final class BadName extends Exception {
        private static final long serialVersionUID = 1L;

        BadName(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        StdStreams io = parent.io;
        RomfsInput.Image img;
        try {
            img = RomfsInput.read(image, io.in());
        } catch (RomfsInput.Unreadable e) {
            return fail(io, e.getMessage());
        }
        List<Planned> plan;
        try {
            plan = plan(img.contents().entries());
        } catch (BadName e) {
            return fail(io, image + ": " + e.getMessage() + "; nothing extracted");
        }
        Path target;
        try {
            target = Paths.get(output);
        } catch (InvalidPathException e) {
            return fail(io, output + ": not a path");
        }
        if (Files.isDirectory(target) && !isEmpty(target) || Files.exists(target) && !Files.isDirectory(target)) {
            return fail(io, output + ": " + (Files.isDirectory(target) ? "exists and is not empty" : "exists and is not"
                    + " a directory") + "; nothing extracted");
        }
        Path parentDir = target.toAbsolutePath().getParent();
        Path staging = parentDir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".extract");
        try {
            write(img.bytes(), plan, staging);
            if (Files.isDirectory(target)) {
                Files.delete(target);
            }
            Files.move(staging, target);
        } catch (IOException | InvalidPathException e) {
            deleteQuietly(staging);
            return fail(io, output + ": can't write: " + (e instanceof IOException x ? InputFiles.reason(x)
                    : e.getMessage()) + "; nothing extracted");
        }
        long files = img.contents().files();
        io.out().println("freezer: extracted " + files + (files == 1 ? " file" : " files") + " and "
                + img.contents().directories() + " directories into " + output);
        io.out().flush();
        return Main.OK;
    }

    private static int fail(StdStreams io, String message) {
        io.err().println(message);
        io.err().flush();
        return Main.FAILED;
    }

    /** Every entry's path as names, each checked; the first bad one is the error. */
    private static List<Planned> plan(List<RomfsEntry> entries) throws BadName {
        List<Planned> out = new ArrayList<>(entries.size());
        List<String> stack = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RomfsEntry e : entries) {
            while (stack.size() > e.depth()) {
                stack.remove(stack.size() - 1);
            }
            String name = name(e);
            stack.add(name);
            String key = String.join("/", stack);
            if (!seen.add(key)) {
                throw new BadName("offset " + e.recordOffset() + ": a second entry named " + e.path());
            }
            out.add(new Planned(e, List.copyOf(stack)));
            if (!e.isDirectory()) {
                stack.remove(stack.size() - 1);
            }
        }
        return out;
    }

    /** The entry's name as a file name: UTF-8, one path component, not . or .. */
    private static String name(RomfsEntry e) throws BadName {
        String where = "offset " + e.recordOffset() + ": ";
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(e.name())).toString();
        } catch (CharacterCodingException x) {
            throw new BadName(where + "the name " + e.path() + " is not UTF-8 text, so not a file name here");
        }
        if (text.isEmpty() || text.equals(".") || text.equals("..") || text.indexOf('/') >= 0
                || text.indexOf('\0') >= 0) {
            throw new BadName(where + "the name '" + e.path() + "' cannot be a file name (empty, . or .., or with"
                    + " / or NUL in it)");
        }
        try {
            Paths.get(text);
        } catch (InvalidPathException x) {
            throw new BadName(where + "the name '" + e.path() + "' cannot be a file name under this locale"
                    + " (run with LC_ALL=C.UTF-8)");
        }
        return text;
    }

    private static void write(byte[] image, List<Planned> plan, Path staging) throws IOException {
        Files.createDirectory(staging);
        for (Planned p : plan) {
            Path at = staging;
            for (String n : p.names()) {
                at = at.resolve(n);
            }
            RomfsEntry e = p.entry();
            if (e.isDirectory()) {
                Files.createDirectory(at);
            } else {
                try (OutputStream out = Files.newOutputStream(at, StandardOpenOption.CREATE_NEW)) {
                    out.write(image, (int) e.dataOffset(), (int) e.dataSize());
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: the staging folder is hidden and named for this process
        }
    }
}
