package freezer.cli;

import freezer.image.flash.FlashContents;
import freezer.image.flash.FlashFormat;
import freezer.image.flash.FlashFormatException;
import freezer.image.flash.FlashImageReader;
import freezer.image.flash.FlashImageWriter;
import freezer.image.flash.FlashSegment;
import freezer.image.flash.IntelHexReader;
import freezer.image.flash.Uf2Reader;
import freezer.image.romfs.RomfsContents;
import freezer.image.romfs.RomfsFormatException;
import freezer.image.romfs.RomfsReader;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freezer image IN -o OUT --format bin|hex|uf2 --address ADDR}: bytes placed at a flash
 * address as the file a flashing tool or a board's drive takes (Intel HEX as objcopy writes
 * it, UF2 as uf2conv.py does); {@code freezer image --info FILE} reads any of them back.
 */
@Command(name = "image", sortOptions = false,
        description = {"Write IN (the bytes of a ROMFS image or any binary) as a flash image at an address: Intel HEX"
            + " identical to objcopy -I binary -O ihex --change-addresses ADDR, UF2 identical to uf2conv.py -c -b ADDR"
            + " -f FAMILY, or raw bytes. --info FILE reads a bin, hex or uf2 file back: address ranges, family, blocks,"
            + " and the ROMFS image inside; see docs/image.md."})
final class ImageCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Parameters(arity = "0..1", paramLabel = "IN", description = "the bytes to place ('-' for standard input)")
    private String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "the file to write ('-' for standard output)")
    private String output;

    @CommandLine.Mixin
    private FlashOutputOptions flash = new FlashOutputOptions();

    @Option(names = "--info", paramLabel = "FILE", description = "describe FILE (bin, hex or uf2) instead")
    private String info;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final StdStreams io;

    ImageCommand(StdStreams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (info != null) {
            if (input != null || output != null) {
                throw new CommandLine.ParameterException(cl, "--info FILE takes no IN and no -o");
            }
            return new FlashInfo(io).describe(info);
        }
        if (input == null || output == null) {
            throw new CommandLine.ParameterException(cl, "IN and -o OUT are needed (or --info FILE)");
        }
        FlashImageWriter.Target target = flash.target(cl, output);
        byte[] in;
        try {
            in = RomfsInput.readFile(input, io.in());
        } catch (RomfsInput.Unreadable e) {
            io.err().println(e.getMessage());
            return Main.FAILED;
        }
        if (Uf2Reader.looksLikeUf2(in) || IntelHexReader.looksLikeHex(in)) {
            // uf2conv.py would convert such an input back; freezer image places bytes as they are
            io.err().println(input + ": warning: this looks like a " + (Uf2Reader.looksLikeUf2(in) ? "UF2" : "Intel HEX")
                    + " file; its bytes are placed as they are (freezer image --info reads it)");
        }
        byte[] file;
        try {
            file = FlashImageWriter.write(in, target);
        } catch (IllegalArgumentException e) {
            io.err().println(input + ": " + e.getMessage() + "; nothing written");
            return Main.FAILED;
        }
        if (output.equals("-")) {
            io.out().write(file, 0, file.length);
            io.out().flush();
            return Main.OK;
        }
        try {
            Path out = Paths.get(output);
            AtomicFiles.write(out, file);
        } catch (IOException e) {
            io.err().println(InputFiles.describe("can't write", output, e));
            return Main.FAILED;
        } catch (InvalidPathException e) {
            io.err().println(output + ": not a path");
            return Main.FAILED;
        }
        io.out().println("freezer: wrote " + output + ": " + FlashOutputOptions.describe(target) + ", " + file.length
                + " bytes (" + in.length + " bytes of input" + (target.format() == FlashFormat.UF2
                        ? ", " + file.length / 512 + " blocks" : "") + ")");
        io.out().flush();
        return Main.OK;
    }

    /** {@code --info}: what a bin, hex or uf2 file holds. */
    private static final class FlashInfo {
        private final StdStreams io;

        FlashInfo(StdStreams io) {
            this.io = io;
        }

        int describe(String name) {
            byte[] file;
            try {
                file = RomfsInput.readFile(name, io.in());
            } catch (RomfsInput.Unreadable e) {
                io.err().println(e.getMessage());
                return Main.FAILED;
            }
            FlashContents c;
            try {
                c = FlashImageReader.read(file);
            } catch (FlashFormatException e) {
                io.err().println(name + ": offset " + e.offset() + ": " + e.problem());
                return Main.FAILED;
            }
            StringBuilder sb = new StringBuilder(name).append(": ");
            if (c instanceof FlashContents.Binary) {
                sb.append("raw binary, ").append(file.length).append(" bytes (no address of its own)\n");
            } else if (c instanceof FlashContents.IntelHex hex) {
                sb.append("Intel HEX, ").append(hex.records()).append(" records\n");
                for (FlashSegment s : hex.segments()) {
                    sb.append(range(s)).append('\n');
                }
                if (hex.start() != null) {
                    sb.append(String.format("  start address 0x%08x (record type %02X)%n", hex.start(),
                            hex.startRecord().type()));
                }
            } else {
                FlashContents.Uf2 uf2 = (FlashContents.Uf2) c;
                sb.append("UF2, ").append(uf2.blocks()).append(" blocks of 512 bytes");
                if (uf2.skipped() > 0) {
                    sb.append(" (").append(uf2.skipped()).append(" not for main flash)");
                }
                sb.append('\n');
                for (FlashContents.Uf2Run r : uf2.runs()) {
                    sb.append(range(r.segment())).append(", ")
                            .append(r.familyId() == null ? "no family" : "family "
                                    + NumberOptions.describeFamily(r.familyId()))
                            .append(String.format(", flags 0x%08x, blocks %d-%d of %d%n", r.flags(), r.firstBlock(),
                                    r.firstBlock() + r.blocks() - 1, r.declaredBlocks()));
                }
            }
            int status = romfs(c, sb);
            io.out().print(sb);
            io.out().flush();
            return status;
        }

        private static String range(FlashSegment s) {
            return String.format("  0x%08x-0x%08x: %d bytes", s.address(), s.end() - 1, s.data().length);
        }

        /** The ROMFS image at the lowest address, if there is one; 1 when it is broken. */
        private static int romfs(FlashContents c, StringBuilder sb) {
            FlashSegment s = RomfsInput.lowest(c);
            if (s == null || !RomfsReader.looksLikeRomfs(s.data())) {
                sb.append("  no ROMFS image\n");
                return Main.OK;
            }
            String at = c instanceof FlashContents.Binary ? "at offset 0" : String.format("at 0x%08x", s.address());
            try {
                RomfsContents r = RomfsReader.read(s.data());
                sb.append("  ROMFS image ").append(at).append(": ").append(r.size()).append(" bytes, ")
                        .append(r.files()).append(" files, ").append(r.directories()).append(" directories");
                if (r.trailingSize() > 0) {
                    sb.append(", then ").append(r.trailingSize()).append(" bytes that are not part of it");
                }
                sb.append(" (freezer romfs ls lists it)\n");
                return Main.OK;
            } catch (RomfsFormatException e) {
                sb.append("  ROMFS image ").append(at).append(": broken at offset ").append(e.offset()).append(" of"
                        + " the image: ").append(e.problem()).append('\n');
                return Main.FAILED;
            }
        }
    }
}
