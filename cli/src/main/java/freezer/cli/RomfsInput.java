package freezer.cli;

import freezer.image.flash.FlashContents;
import freezer.image.flash.FlashFormatException;
import freezer.image.flash.FlashImageReader;
import freezer.image.flash.FlashSegment;
import freezer.image.romfs.RomfsContents;
import freezer.image.romfs.RomfsFormatException;
import freezer.image.romfs.RomfsReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;

/**
 * A ROMFS image given to {@code ls} or {@code extract}: a raw image, or one inside an Intel HEX
 * or UF2 file (the data at the lowest address). Problems come back as one line naming the file
 * and the offset.
 */
final class RomfsInput {
    /** Why the image cannot be used, already phrased for the user. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * @param flash the file it came in, when not a raw image
     * @param address where the image sits in flash, when the file says (hex, uf2), else null
     */
    record Image(String name, byte[] bytes, RomfsContents contents, FlashContents flash, Long address) {
    }

    private RomfsInput() {
    }

    static byte[] readFile(String name, InputStream stdin) throws Unreadable {
        try {
            return name.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Paths.get(name));
        } catch (IOException | InvalidPathException e) {
            throw new Unreadable(name + ": can't read: " + (e instanceof IOException io ? InputFiles.reason(io)
                    : e.getMessage()));
        }
    }

    static Image read(String name, InputStream stdin) throws Unreadable {
        byte[] file = readFile(name, stdin);
        FlashContents flash;
        try {
            flash = FlashImageReader.read(file);
        } catch (FlashFormatException e) {
            throw new Unreadable(name + ": offset " + e.offset() + ": " + e.problem());
        }
        if (flash instanceof FlashContents.Binary) {
            return new Image(name, file, contents(name, file, ""), null, null);
        }
        FlashSegment first = lowest(flash);
        if (first == null || !RomfsReader.looksLikeRomfs(first.data())) {
            throw new Unreadable(name + ": no ROMFS image in this " + flash.format().name() + " file"
                    + (first == null ? "" : String.format(" (the data at 0x%08x does not start with d2 cd 31)",
                            first.address())));
        }
        String where = String.format(" (the ROMFS image at 0x%08x)", first.address());
        return new Image(name, first.data(), contents(name, first.data(), where), flash, first.address());
    }

    /** The run at the lowest address, or null when there is none. */
    static FlashSegment lowest(FlashContents flash) {
        FlashSegment best = null;
        for (FlashSegment s : flash.segments()) {
            if (best == null || s.address() < best.address()) {
                best = s;
            }
        }
        return best;
    }

    private static RomfsContents contents(String name, byte[] image, String where) throws Unreadable {
        try {
            return RomfsReader.read(image);
        } catch (RomfsFormatException e) {
            throw new Unreadable(name + ": offset " + e.offset() + where + ": " + e.problem());
        }
    }
}
