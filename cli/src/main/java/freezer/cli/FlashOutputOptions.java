package freezer.cli;

import freezer.image.flash.FlashFormat;
import freezer.image.flash.FlashImageWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How an image is written out, shared by {@code freezer image} and {@code freezer romfs build}:
 * the format (or the output's extension), the flash address, the UF2 family and padding.
 */
final class FlashOutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", converter = NumberOptions.Format.class,
            description = "bin (the bytes), hex (Intel HEX as objcopy writes it) or uf2 (as uf2conv.py writes it);"
                + " by default from the output's extension (.hex, .uf2; anything else is bin)")
    FlashFormat format;

    @Option(names = "--address", paramLabel = "ADDR", converter = NumberOptions.Address.class,
            description = "the flash address of the image's first byte (0x hex or decimal); needed for hex and uf2")
    Long address;

    @Option(names = "--family", paramLabel = "NAME|ID", converter = NumberOptions.Family.class,
            description = "the UF2 family: a name from uf2families.json (RP2040, SAMD51, STM32F4, ESP32S3, NRF52840, ...)"
                + " or a 32-bit ID; none by default, as uf2conv.py")
    Long family;

    @Option(names = "--pad-to", paramLabel = "N", converter = NumberOptions.Size.class,
            description = "pad the image with 0xFF (erased flash) to a multiple of N bytes before writing it")
    Long padTo;

    /** The format asked for, else the one the output's name implies. */
    FlashFormat formatFor(String output) {
        if (format != null) {
            return format;
        }
        String lower = output.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".hex") || lower.endsWith(".ihex")) {
            return FlashFormat.HEX;
        }
        return lower.endsWith(".uf2") ? FlashFormat.UF2 : FlashFormat.BIN;
    }

    /** The target, or a usage error for what does not fit together. */
    FlashImageWriter.Target target(CommandLine cl, String output) {
        FlashFormat f = formatFor(output);
        if (f != FlashFormat.BIN && address == null) {
            throw new CommandLine.ParameterException(cl, "--address is needed to write " + f.name().toLowerCase(Locale.ROOT)
                    + ": where in flash does the image go?");
        }
        if (f != FlashFormat.UF2 && family != null) {
            throw new CommandLine.ParameterException(cl, "--family applies to uf2 only");
        }
        return new FlashImageWriter.Target(f, address == null ? 0 : address, family == null ? 0 : family,
                padTo == null ? 0 : padTo);
    }

    /** "UF2 at 0x10180000, family RP2040 (0xe48bff56)" and the like. */
    static String describe(FlashImageWriter.Target t) {
        switch (t.format()) {
            case HEX:
                return String.format("Intel HEX at 0x%08x", t.address());
            case UF2:
                return String.format("UF2 at 0x%08x, %s", t.address(),
                        t.familyId() == 0 ? "no family" : "family " + NumberOptions.describeFamily(t.familyId()));
            default:
                return "raw binary";
        }
    }
}
